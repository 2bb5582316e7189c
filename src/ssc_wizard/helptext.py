"""``--help`` in Chinese, for a reader whose language is Chinese.

click (inside typer) writes help in English and wraps it by counting
characters, so Chinese, two terminal cells a character, would run past the
edge of the screen. For Chinese, the help goes through ``ChineseHelp``: it
translates each text with the table below (English exactly as ``cli`` has
it, then Chinese) and wraps by terminal cells. ``tests/test_helptext.py``
checks that every text of the help has its translation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import typer
from typer._click.formatting import HelpFormatter  # the class typer's contexts use

from ssc_wizard import linebreak

#: The command line's help texts, English then Chinese. Commands and ids stay as they are.
ZH: dict[str, str] = {
    "Find out where to apply for or replace a social security card, and what to bring.\n\n"
    "Asks a few questions about your situation (or takes them from --answer and\n"
    "--answers-file) and prints the procedure: offices, steps, materials and\n"
    "legal basis.": "查询到哪里申领或补换社会保障卡、需要带什么材料。\n\n"
    "根据您的情况提几个问题（也可以用 --answer 和 --answers-file 直接给出答案），"
    "然后列出办理机构、办理流程、所需材料和法律依据。",
    "\b\nExamples:\n"
    "  ssc-wizard                               ask the questions\n"
    "  ssc-wizard -a card_state=lost            ask only the rest\n"
    "  ssc-wizard -a card_state=lost -a district=lixia -o checklist.md\n"
    "  ssc-wizard -a card_state=none -a district=unsure --format json \\\n"
    "      | jq -r '.outcome.materials[]'\n"
    "  ssc-wizard --answers-file answers.yaml --save-answers answers.yaml\n"
    "  ssc-wizard offices --district lixia\n": "\b\n示例：\n"
    "  ssc-wizard                               逐题提问\n"
    "  ssc-wizard -a card_state=lost            只问其余的问题\n"
    "  ssc-wizard -a card_state=lost -a district=lixia -o checklist.md\n"
    "  ssc-wizard -a card_state=none -a district=unsure --format json \\\n"
    "      | jq -r '.outcome.materials[]'\n"
    "  ssc-wizard --answers-file answers.yaml --save-answers answers.yaml\n"
    "  ssc-wizard offices --district lixia\n",
    "Answer a question ahead; repeat for several. Answered questions are not asked.": (
        "预先回答一个问题；可重复使用回答多个问题。已回答的问题不再提问。"
    ),
    "Read answers from a YAML or JSON file of QUESTION: CHOICE lines (--answer wins over it).": (
        "从 YAML 或 JSON 文件读取答案，每行为“问题: 选项”（--answer 优先于文件）。"
    ),
    "After the result, write the answers that led to it to FILE, for --answers-file.": (
        "显示结果后，把得出这个结果的答案写入 FILE，供 --answers-file 使用。"
    ),
    "Never prompt: a missing answer is an error (exit 2).": (
        "从不提问：缺少答案即为错误（退出码 2）。"
    ),
    "Output format. Default: rich on a terminal, text otherwise; with --output, json for "
    "*.json, markdown for *.md, text otherwise.": (
        "输出格式。默认：在终端上为 rich，否则为 text；使用 --output 时，*.json 为 json，"
        "*.md 为 markdown，其他为 text。"
    ),
    "Write the result to FILE instead of stdout; all of it or nothing.": (
        "把结果写入 FILE 而不是标准输出；要么完整写入，要么什么都不写。"
    ),
    "Folder holding scenarios.yaml and offices.yaml (default: the built-in guide).": (
        "存放 scenarios.yaml 和 offices.yaml 的文件夹（默认：内置的指南）。"
    ),
    "Language: en (English) or zh (Simplified Chinese). Default: zh when LC_ALL, LC_MESSAGES "
    "or LANG "
    "starts with zh, else en.": (
        "语言：en（英文）或 zh（简体中文）。默认：LC_ALL、LC_MESSAGES 或 LANG 以 zh 开头时为 zh，"
        "否则为 en。"
    ),
    "For screen readers: numbered questions, and no menus, boxes, colour or redrawn lines "
    "(also SSC_WIZARD_PLAIN=1).": (
        "供读屏软件使用：问题带序号，不用菜单、方框、颜色，也不重绘已显示的内容"
        "（也可设置 SSC_WIZARD_PLAIN=1）。"
    ),
    "Show the version and exit.": "显示版本号并退出。",
    "Install completion for the current shell.": "为当前 shell 安装命令补全。",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "显示当前 shell 的补全脚本，以便复制或自行安装。"
    ),
    "Show this message and exit.": "显示本帮助并退出。",
    "List every kind of office, with what it does in each procedure.": (
        "列出每一类办理机构及其在各项办理流程中的办理事项。"
    ),
    "\b\nExamples:\n  ssc-wizard offices --district lixia\n"
    "  ssc-wizard offices --format json | jq -r '.offices[].name'": "\b\n示例：\n"
    "  ssc-wizard offices --district lixia\n"
    "  ssc-wizard offices --format json | jq -r '.offices[].name'",
    "Name this district's own offices; a wrong id lists the right ones.": (
        "列出这个区县自己的办理机构；区县代号有误时会列出正确的代号。"
    ),
    "Check a guide's data: every error and warning, each at file:line:column.\n\n"
    "Exit status 0 when the guide is valid (warnings allowed), 1 when it is not.": (
        "检查指南的数据：列出每个错误和警告，各带“文件:行:列”位置。\n\n"
        "指南有效时（可以有警告）退出码为 0，无效时为 1。检查报告为英文。"
    ),
    "Check a guide: every error and warning, at file:line:column.": (
        "检查指南：每个错误和警告，带“文件:行:列”位置。"
    ),
    "\b\nExamples:\n  ssc-wizard check\n  ssc-wizard check --data-dir ./my-guide": (
        "\b\n示例：\n  ssc-wizard check\n  ssc-wizard check --data-dir ./my-guide"
    ),
    "Draw the decision tree: questions, the choices between them, and outcomes.": (
        "画出决策树：问题、问题之间的选项，以及结果。"
    ),
    "Draw the decision tree (tree, Mermaid or Graphviz DOT).": (
        "画出决策树（树形、Mermaid 或 Graphviz DOT）。"
    ),
    "\b\nExamples:\n  ssc-wizard graph\n"
    "  ssc-wizard graph --format dot | dot -Tsvg -o guide.svg\n"
    "  ssc-wizard graph --format mermaid > guide.mmd": "\b\n示例：\n  ssc-wizard graph\n"
    "  ssc-wizard graph --format dot | dot -Tsvg -o guide.svg\n"
    "  ssc-wizard graph --format mermaid > guide.mmd",
    "tree: drawn in the terminal; mermaid: a Mermaid flowchart (GitHub draws it in a "
    "```mermaid block); dot: Graphviz DOT.": (
        "tree：在终端里画出；mermaid：Mermaid 流程图（GitHub 会画出 ```mermaid 块）；"
        "dot：Graphviz DOT。"
    ),
    "List every path from the first question to an outcome, as the command that replays it.\n\n"
    "The paths are counted first (quickly, however many there are), and listed\n"
    "only when there are no more than --limit.": (
        "列出从第一个问题到每个结果的所有路径，每条路径给出重现它的命令。\n\n"
        "先统计路径数（无论多少都很快），不超过 --limit 时才逐条列出。"
    ),
    "List every path through the guide, as replay commands.": (
        "列出指南的所有路径，每条为一条重现命令。"
    ),
    "\b\nExamples:\n  ssc-wizard paths\n"
    "  ssc-wizard paths --format json | jq -r '.paths[].command'\n"
    "  ssc-wizard paths --limit 0        only count them": "\b\n示例：\n  ssc-wizard paths\n"
    "  ssc-wizard paths --format json | jq -r '.paths[].command'\n"
    "  ssc-wizard paths --limit 0        只统计数量",
    "text: one line a path; json.": "text：每行一条路径；json。",
    "List the paths only if there are at most N; otherwise just count them.": (
        "路径不超过 N 条时才逐条列出；否则只统计数量。"
    ),
    "Start a guide of your own: a small example guide to edit, and its schemas for editors.": (
        "开始编写自己的指南：生成一份可供修改的小型示例指南，以及供编辑器使用的模式文件。"
    ),
    "Start a guide of your own from an example.": "从示例开始编写自己的指南。",
    "\b\nExample:\n  ssc-wizard new-guide my-city\n  ssc-wizard check --data-dir my-city": (
        "\b\n示例：\n  ssc-wizard new-guide my-city\n  ssc-wizard check --data-dir my-city"
    ),
    "A new or empty folder.": "一个新的或空的文件夹。",
}

_HEADINGS = {"Options": "选项", "Commands": "命令", "Arguments": "参数"}
#: What click adds to an option's help, in brackets.
_EXTRAS = {"env var: ": "环境变量：", "default: ": "默认：", "required": "必填"}
_EXTRA = re.compile(r"\s*(\[(?:env var: |default: |required).*\])$")


def _key(text: str) -> str:
    return " ".join(text.split())


_BY_KEY = {_key(en): zh for en, zh in ZH.items()}


def translate(text: str) -> str:
    """The Chinese for one of the help's texts; the text itself when it has none."""
    return _BY_KEY.get(_key(text), text)


def _option_help(text: str) -> str:
    """An option's help, with click's bracketed extras after it translated too."""
    match = _EXTRA.search(text)
    if match is None:
        return translate(text)
    extra = match.group(1)
    for en, zh in _EXTRAS.items():
        extra = extra.replace(en, zh)
    return translate(text[: match.start()]) + "  " + extra


class ChineseHelp(HelpFormatter):
    """click's help formatter, translating each text and wrapping by terminal cells."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix="用法：" if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{_HEADINGS.get(heading, heading)}：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        lines = _paragraphs(translate(text), self.width - self.current_indent)
        self.write("\n".join(indent + line if line else "" for line in lines) + "\n")

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = list(rows)
        first_col = min(max(linebreak.cells(first) for first, _ in rows), col_max) + col_spacing
        room = max(self.width - first_col - 2, 10)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if linebreak.cells(first) <= first_col - col_spacing:
                self.write(" " * (first_col - linebreak.cells(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = _paragraphs(_option_help(second), room)
            hanging = "\n" + " " * (first_col + self.current_indent)
            self.write(hanging.join(lines) + "\n")


def _paragraphs(text: str, width: int) -> list[str]:
    """Paragraphs wrapped to ``width`` cells; one starting with ``\\b`` is kept as written."""
    lines: list[str] = []
    for paragraph in text.split("\n\n"):
        if lines:
            lines.append("")
        if paragraph.startswith("\b\n"):
            lines += paragraph[2:].rstrip("\n").split("\n")
        else:
            lines += linebreak.wrap(" ".join(paragraph.split()), max(width, 10))
    return lines


class _ChineseContext(typer.Context):
    formatter_class = ChineseHelp


def in_chinese(command: object) -> None:
    """Make ``command`` and every command under it write their help in Chinese."""
    command.context_class = _ChineseContext  # type: ignore[attr-defined]
    for sub in getattr(command, "commands", {}).values():
        in_chinese(sub)
