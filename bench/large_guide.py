"""A large, valid, bilingual guide of any size, for the benchmark and the scale test.

``nodes`` counts questions and outcomes, half each. Question ``q{i}`` offers
``more`` (to ``q{i+1}``), ``skip`` (to ``q{i+2}``) and ``stop`` (to outcome
``o{i}``), so every later question is a sub-tree shared by two earlier ones
and the number of paths grows like the Fibonacci numbers: a guide of 1,000
nodes already has more than 10^100. The last question also offers ``other``,
so that no question has a single choice. Every third outcome asks the
district afterwards. The texts are about as long as the Jinan guide's, in both
languages, with shared lists, laws, notes and per-district offices, so the
YAML is what a real guide of that size would look like.

    python bench/large_guide.py 10000 /tmp/large    # write a guide folder
"""

from __future__ import annotations

import sys
from pathlib import Path

DISTRICTS = [f"d{n}" for n in range(12)]
OFFICES = ["centre", "agency", "window", "bank"]
LAWS = [f"law{n}" for n in range(4)]


def questions_in(nodes: int) -> int:
    if nodes < 4:
        raise ValueError("the generated guide has at least 4 nodes")
    return nodes // 2


def choices(i: int, count: int) -> list[tuple[str, str, str]]:
    """Question i's choices: (id, "next" or "outcome", target)."""
    offered = [("more", "next", f"q{i + 1}"), ("skip", "next", f"q{i + 2}")]
    offered = [c for c in offered if int(c[2][1:]) < count]
    offered.append(("stop", "outcome", f"o{i}"))
    if i == count - 1:
        offered.append(("other", "outcome", f"o{i - 1}"))
    return offered


def path_count(nodes: int) -> int:
    """The number of paths, worked out from the shape alone (not by the tool)."""
    return paths_from(nodes)["q0"]


def paths_from(nodes: int) -> dict[str, int]:
    """How many paths lead on from each question and outcome."""
    count = questions_in(nodes)
    districts_plus_unsure = len(DISTRICTS) + 1
    paths: dict[str, int] = {
        f"o{i}": districts_plus_unsure if asks_district(i) else 1 for i in range(count)
    }
    for i in reversed(range(count)):
        paths[f"q{i}"] = sum(paths[target] for _, _, target in choices(i, count))
    return paths


def ways_to(question: int) -> int:
    """How many paths arrive at a question: from the one before (`more`) and
    the one before that (`skip`)."""
    before, here = 0, 1
    for _ in range(question):
        before, here = here, before + here
    return here


def asks_district(outcome: int) -> bool:
    return outcome % 3 == 0


def scenarios_yaml(nodes: int) -> str:
    count = questions_in(nodes)
    parts = [
        "guide:\n"
        "  title: {en: Generated guide, zh: 生成的指南}\n"
        "  source:\n"
        "    en: Made up by the benchmark to measure a guide of this size.\n"
        "    zh: 由基准测试编造，用来衡量这种规模的指南。\n"
        "  more_help:\n"
        "    en: For anything this guide does not say, call the hotline 12333.\n"
        "    zh: 本指南未涉及的问题，请拨打热线 12333。\n"
        "start: q0\n"
        "questions:\n"
    ]
    parts += (_question(i, count) for i in range(count))
    parts.append(_DISTRICT_QUESTION)
    parts.append("outcomes:\n")
    parts += (_outcome(i) for i in range(count))
    parts.append(_SHARED_AND_LAWS)
    return "".join(parts)


def offices_yaml() -> str:
    lines = ["offices:\n"]
    for n, office in enumerate(OFFICES):
        lines.append(
            f"  {office}:\n"
            f"    name: {{en: Service office number {n}, zh: 第{n}号服务机构}}\n"
            f"    per_district: {'true' if n % 2 == 0 else 'false'}\n"
        )
    lines.append("districts:\n")
    lines += (f"  {d}:\n    name: {{en: District {d}, zh: 第{d}区}}\n" for d in DISTRICTS)
    return "".join(lines)


def write(folder: Path, nodes: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "scenarios.yaml").write_text(scenarios_yaml(nodes), encoding="utf-8")
    (folder / "offices.yaml").write_text(offices_yaml(), encoding="utf-8")
    return folder


def _question(i: int, count: int) -> str:
    lines = [
        f"  q{i}:\n"
        "    text:\n"
        f"      en: Question {i}. Which of these describes your situation best?\n"
        f"      zh: 第{i}题。以下哪一项最符合您的情况？\n"
        "    help:\n"
        "      en: The answer decides which procedure and materials apply to you.\n"
        "      zh: 这个回答决定适用于您的办理流程和材料。\n"
        "    choices:\n"
    ]
    for cid, kind, target in choices(i, count):
        n = target[1:]
        label = (
            f"{{en: Go on to question {n}, zh: 继续回答第{n}题}}"
            if kind == "next"
            else f"{{en: Stop here and see procedure {n}, zh: 到此为止，查看第{n}项流程}}"
        )
        lines.append(f"      {cid}:\n        label: {label}\n        {kind}: {target}\n")
    return "".join(lines)


def _outcome(i: int) -> str:
    ask = "    ask: [district]\n" if asks_district(i) else ""
    note = (
        "    note:\n"
        "      en: Bring the originals as well as copies; the office keeps the copies.\n"
        "      zh: 请携带原件和复印件，复印件由办理机构留存。\n"
        if i % 2
        else ""
    )
    return (
        f"  o{i}:\n"
        f"    title: {{en: Procedure {i}, zh: 第{i}项办理流程}}\n"
        "    summary:\n"
        f"      en: >-\n"
        f"        Procedure {i} is done at a service office, then finished at the bank\n"
        "        that issues the card; the steps below say what to do in order.\n"
        f"      zh: 第{i}项流程先在服务机构办理，再到发卡银行完成；以下步骤按顺序说明。\n"
        f"{ask}"
        "    steps:\n"
        "      - en: Fill in the application form at the service office.\n"
        "        zh: 在服务机构填写申请表。\n"
        "      - include: flow\n"
        f"      - en: Keep the receipt for procedure {i} until the card arrives.\n"
        f"        zh: 保留第{i}项流程的回执，直到收到新卡。\n"
        f"{note}"
        "    offices:\n"
        f"      - {{office: {OFFICES[i % len(OFFICES)]}, role: {{en: Takes the form for "
        f"procedure {i}., zh: 受理第{i}项流程的申请表。}}}}\n"
        f"      - {{office: {OFFICES[(i + 1) % len(OFFICES)]}, role: {{en: Hands over the card "
        f"of procedure {i}., zh: 发放第{i}项流程的卡。}}}}\n"
        "    materials:\n"
        "      - include: identification\n"
        "      - {en: A recent electronic photo., zh: 近期电子照片。}\n"
        f"    legal_basis: [{LAWS[i % len(LAWS)]}]\n"
    )


_DISTRICT_QUESTION = """\
  district:
    text: {en: Which district do you live in?, zh: 您住在哪个区？}
    choices_from: districts
    choices:
      unsure:
        label: {en: I'm not sure, zh: 不确定}
"""

_SHARED_AND_LAWS = """\
shared:
  identification:
    - en: Your resident identity card, or another valid identity document.
      zh: 居民身份证或其他有效身份证件。
    - en: Your household register, if the office asks for it.
      zh: 户口簿（如办理机构要求）。
  flow:
    - en: Hand in the form and the materials at the window.
      zh: 在窗口提交申请表和材料。
    - en: Collect the card at the issuing bank once it is ready.
      zh: 卡制好后到发卡银行领取。
laws:
""" + "".join(
    f"""\
  {law}:
    law: {{en: Made-up Act number {n}, zh: 虚构法第{n}号}}
    article: {{en: Article {n + 1}, zh: 第{n + 1}条}}
    text:
      en: A made-up provision, so that every outcome cites something.
      zh: 虚构的条文，让每个结果都有依据可引。
"""
    for n, law in enumerate(LAWS)
)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python bench/large_guide.py NODES FOLDER")
    folder = write(Path(sys.argv[2]), int(sys.argv[1]))
    print(f"wrote a guide of {sys.argv[1]} nodes to {folder}")
