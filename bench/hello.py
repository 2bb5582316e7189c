"""The floor: a hello-world typer app. No typer program starts faster than this."""

import typer

app = typer.Typer()


@app.command()
def main(name: str = "world") -> None:
    print(f"Hello {name}")


if __name__ == "__main__":
    app()
