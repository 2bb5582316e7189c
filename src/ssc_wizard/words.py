"""The tool's own words, in English and Simplified Chinese side by side.

Everything a person reads that does not come from the guide: headings, menus,
hints and the wizard's error messages. A translator edits both languages here
at once. Messages about a guide's data files (``check`` and the loader) are for
the guide's maintainers and stay in English, like the YAML keys they name.

Each entry is a ``str.format`` template; ``tests/test_lang.py`` checks that
the Chinese takes no value the English lacks (it may leave out a grammatical
one, such as "is" or "are"), and that the English is plain ASCII, so that it
shows on any terminal.
"""

from __future__ import annotations

from dataclasses import dataclass

from ssc_wizard.lang import Lang


@dataclass(frozen=True)
class Tr:
    """One thing the tool says, in each language."""

    en: str
    zh: str

    def __call__(self, lang: Lang, /, **values: object) -> str:
        return (self.zh if lang == "zh" else self.en).format(**values)


# Results (render, markdown) ------------------------------------------------

YOUR_ANSWERS = Tr("Your answers", "您的回答")
WHERE_TO_GO = Tr("Where to go", "办理地点")
STEPS = Tr("Steps", "办理流程")
NOTE = Tr("Note", "提示")
BRING = Tr("Bring with you", "所需材料")
LEGAL_BASIS = Tr("Legal basis", "法律依据")
#: A heading in plain text.
HEADING = Tr("{title}:", "{title}：")
#: A label and its value, as a line of text.
LABELLED = Tr("{label}: {value}", "{label}：{value}")
SOURCE = Tr("Source", "信息来源")
ADDRESS = Tr("Address", "地址")
HOURS = Tr("Hours", "办公时间")
PHONE = Tr("Phone", "电话")
AGAIN = Tr("To get this result again without questions", "不用回答问题、直接得到这个结果的命令")
YOUR_DISTRICTS_ONE = Tr("the one for your district", "您所在区县的那一处")
#: An office kind with one in each district, where the result does not pick one.
IN_EACH_DISTRICT = Tr("one in each district", "每个区县都有")
#: An office kind in a list, with which one of it to go to.
OFFICE_AT = Tr("{name}, {place}", "{name}（{place}）")
#: A law and its article, before what it says.
LAW_ARTICLE = Tr("{law}, {article}", "{law}{article}")
#: A law's name, when its text is shown in a language it is not enacted in.
TRANSLATED = Tr("{name} (translation)", "{name}（译文）")
WHY_IT_MATTERS = Tr("What this means for you", "对您意味着什么")
OFFICE = Tr("Office", "办理机构")
ROLE = Tr("What it does", "办理事项")
#: An office's role in one outcome, in the list of every office (titles may hold a colon).
ROLE_IN = Tr("{outcome} - {role}", "{outcome}——{role}")
NO_OFFICES = Tr("No office is named for this situation.", "这种情况没有列出办理机构。")
NO_MATERIALS = Tr("Nothing to bring is named for this situation.", "这种情况没有列出所需材料。")
OFFICES_OF = Tr("Offices: {title}", "办理机构：{title}")
FOR_DISTRICT = Tr("For {district}.", "以下按{district}列出。")

# Prompts --------------------------------------------------------------------

BACK = Tr("Back", "返回上一题")
#: Back from the list of answers to change, to the menu after the result.
BACK_TO_MENU = Tr("Back", "返回")
ARROW_KEYS = Tr("Use the arrow keys, then Enter.", "用方向键选择，按回车键确认。")
#: Where the choices are numbered, before each question of the guide.
QUESTION_NUMBER = Tr("Question {number}", "第 {number} 题")
#: Just above the menu after a result, which keeps its title in view.
YOUR_RESULT = Tr("Your result: {title}", "您的结果：{title}")
WHAT_NOW = Tr("What would you like to do now?", "接下来您想做什么？")
SHOW_RESULT = Tr("Show the result from the top", "从头再看一遍结果")
CHANGE = Tr("Change an answer", "修改一个回答")
START_AGAIN = Tr("Start again", "重新开始")
QUIT = Tr("Quit", "退出")
WHICH_ANSWER = Tr("Which answer do you want to change?", "您想修改哪一个回答？")
ANSWER_IN_MENU = Tr("{question} - {choice}", "{question}——{choice}")
NUMBERED_WHY = Tr(
    "This terminal cannot draw menus (TERM is dumb), so the choices are numbered.",
    "这个终端无法显示菜单（TERM 为 dumb），所以选项用序号列出。",
)
PLAIN_WHY = Tr(
    "Plain mode: each choice has a number; type the number, then Enter.",
    "纯文本模式：每个选项都有序号，输入序号后按回车键。",
)
NUMBERED_FLAGS = Tr(
    "To answer without questions, give the answers as flags: --answer QUESTION=CHOICE "
    "(see ssc-wizard --help).",
    "如不想逐题回答，可以用参数直接给出答案：--answer 问题=选项（见 ssc-wizard --help）。",
)
NUMBER_RANGE = Tr("1-{last}", "1-{last}")
NUMBER_DEFAULT = Tr("{range}, Enter for {default}", "{range}，直接回车选 {default}")
YOUR_CHOICE = Tr("Your choice ({hint}): ", "请输入序号（{hint}）：")
NOT_A_NUMBER = Tr("{typed!r} is not one of the numbers.", "“{typed}”不是列出的序号。")
TYPE_A_NUMBER = Tr("Type one of the numbers, then Enter.", "请输入列出的一个序号，然后按回车键。")
#: Where Enter took the pre-selected choice, which the screen does not show.
CHOSEN = Tr("Chosen: {choice}", "已选择：{choice}")

# The command line --------------------------------------------------------------

INTERRUPTED = Tr("interrupted", "已中断")
NO_TERMINAL = Tr(
    "stdin is not a terminal, and answers are never read from a pipe",
    "标准输入不是终端，而答案从不从管道读取",
)
NO_SCREEN = Tr(
    "neither stdout nor stderr is a terminal to show the question on",
    "标准输出和标准错误都不是终端，无法显示问题",
)
NO_INPUT = Tr("--no-input was given", "指定了 --no-input")
MISSING_ANSWER = Tr(
    "question {question_id!r} ({question}) has no answer, and {reason}. "
    "Answer it with --answer {question_id}=CHOICE, where CHOICE is one of: {choices}",
    "问题 {question_id}（{question}）没有答案，而{reason}。"
    "请用 --answer {question_id}=选项 回答，选项为以下之一：{choices}",
)
NO_SUCH_QUESTION = Tr(
    "there is no question {question_id!r}; the questions are: {questions}",
    "没有问题“{question_id}”；现有的问题是：{questions}",
)
#: ``near``: the ids closest to what was typed (``EITHER``).
NO_SUCH_QUESTION_NEAR = Tr(
    "there is no question {question_id!r}; did you mean {near}? The questions are: {questions}",
    "没有问题“{question_id}”；您是不是想输入 {near}？现有的问题是：{questions}",
)
NO_SUCH_CHOICE = Tr(
    "{choice_id!r} is not a choice of {question_id!r} ({question}); choose one of: {choices}",
    "“{choice_id}”不是问题 {question_id}（{question}）的选项；请从以下选项中选择：{choices}",
)
NO_SUCH_CHOICE_NEAR = Tr(
    "{choice_id!r} is not a choice of {question_id!r} ({question}); did you mean {near}? "
    "Choose one of: {choices}",
    "“{choice_id}”不是问题 {question_id}（{question}）的选项；您是不是想选 {near}？"
    "请从以下选项中选择：{choices}",
)
#: A choice id the guide once offered; ``why`` is the guide's own text.
RETIRED_CHOICE = Tr(
    "{choice_id!r} is no longer a choice of {question_id!r}: {why} Choose one of: {choices}",
    "“{choice_id}”已不再是问题 {question_id} 的选项：{why}请从以下选项中选择：{choices}",
)
NOT_AN_ANSWER = Tr(
    "--answer {item!r} is not QUESTION=CHOICE; write it like --answer {example}",
    "--answer “{item}”不是“问题=选项”的形式；请写成 --answer {example} 这样",
)
ANSWERED_TWICE = Tr(
    "question {question_id!r} is answered twice, with {first!r} and {second!r}; keep one",
    "问题 {question_id} 回答了两次（“{first}”和“{second}”）；请只保留一个",
)
OFF_PATH_ONE = Tr(
    "{given}: this question is not asked on the path of the other answers ({path}); remove it",
    "{given}：按其他回答（{path}）走下去不会问到这个问题；请删去它",
)
OFF_PATH_MANY = Tr(
    "{given}: these questions are not asked on the path of the other answers ({path}); remove them",
    "{given}：按其他回答（{path}）走下去不会问到这些问题；请删去它们",
)
NO_SUCH_DISTRICT = Tr(
    "there is no district {district_id!r}; the districts are: {districts}",
    "没有区县“{district_id}”；现有的区县是：{districts}",
)
NO_SUCH_DISTRICT_NEAR = Tr(
    "there is no district {district_id!r}; did you mean {near}? The districts are: {districts}",
    "没有区县“{district_id}”；您是不是想输入 {near}？现有的区县是：{districts}",
)
NO_DISTRICTS = Tr(
    "there is no district {district_id!r}; this guide has no districts",
    "没有区县“{district_id}”；这份指南没有列出区县",
)
SAME_FILE = Tr(
    "--output and {flag} name the same file, {path}; give two names",
    "--output 和 {flag} 指向同一个文件 {path}；请给出两个不同的文件名",
)
GUIDE_FILE = Tr(
    "{flag} names {path}, the guide's own {guide_file}; writing there would replace the "
    "guide: give another name",
    "{flag} 指向 {path}，即正在使用的指南文件 {guide_file}；写入会覆盖指南，请换一个文件名",
)
ANSWERS_SAVED = Tr("answers saved to {path}", "答案已保存到 {path}")
RESULT_WRITTEN = Tr("result written to {path}", "结果已写入 {path}")
OFFICES_WRITTEN = Tr("office list written to {path}", "机构列表已写入 {path}")
#: Said in English, since it means the other language cannot be shown.
CANNOT_SHOW = (
    "the output's encoding ({encoding}) cannot show {language}, so English is used. "
    "For {language}, use a UTF-8 terminal (or set PYTHONIOENCODING=utf-8)."
)
CANNOT_ENCODE = Tr(
    "the output's encoding ({encoding}) cannot show the character {character}, "
    "so nothing was printed. "
    "Use a UTF-8 terminal (or set PYTHONIOENCODING=utf-8), use --format json, "
    "or write the result to a file with --output.",
    "输出的编码（{encoding}）无法显示字符 {character}，因此没有输出任何内容。"
    "请使用 UTF-8 终端（或设置 PYTHONIOENCODING=utf-8）、使用 --format json，"
    "或用 --output 把结果写入文件。",
)
INTERNAL_ERROR = Tr(
    "internal error ({error}). This is a bug: please report it with the command you ran. "
    "SSC_WIZARD_DEBUG=1 shows the details.",
    "内部错误（{error}）。这是程序的缺陷：请连同您运行的命令一起报告。"
    "设置 SSC_WIZARD_DEBUG=1 可以看到详细信息。",
)
REFUSED_BEFORE = Tr(
    "{options} before {command!r} {verb} for the questions; give {command!r} its options "
    "after its name (see ssc-wizard {command} --help)",
    "{options} 用于回答问题，不能放在 {command} 之前；请把 {command} 的选项写在它的名字之后"
    "（见 ssc-wizard {command} --help）",
)

#: Near misses, offered after a refusal: ``'a' or 'b'``.
EITHER = Tr("{some} or {last}", "{some} 或 {last}")
LIST_SEPARATOR = Tr(", ", "、")
#: A value of --format that is not one (click's words come before it).
NO_SUCH_FORMAT = Tr(
    "{typed!r} is not a format; the formats are: {formats}",
    "没有“{typed}”这种格式；可用的格式是：{formats}",
)
NO_SUCH_FORMAT_NEAR = Tr(
    "{typed!r} is not a format; did you mean {near}? The formats are: {formats}",
    "没有“{typed}”这种格式；您是不是想用 {near}？可用的格式是：{formats}",
)
NO_SUCH_LANGUAGE = Tr(
    "{typed!r} is not a language of ssc-wizard; the languages are: {languages}",
    "ssc-wizard 没有“{typed}”这种语言；可用的语言是：{languages}",
)
NO_SUCH_LANGUAGE_NEAR = Tr(
    "{typed!r} is not a language of ssc-wizard; did you mean {near}? "
    "The languages are: {languages}",
    "ssc-wizard 没有“{typed}”这种语言；您是不是想用 {near}？可用的语言是：{languages}",
)
LANGUAGES = Tr("en (English), zh (Simplified Chinese)", "en（英语）、zh（简体中文）")
NOT_A_LIMIT = Tr(
    "{typed!r} is not a number of paths: give a whole number, 0 or more",
    "“{typed}”不是路径的数目：请给出 0 或更大的整数",
)
#: After click's "No such command 'lost'.", when the word is an answer: a choice
#: of the first question, or QUESTION=CHOICE typed without --answer.
ANSWER_INSTEAD = Tr(
    'To answer "{question}" with "{choice}", run: {command}',
    "要对“{question}”回答“{choice}”，请运行：{command}",
)


def everything(lang: Lang) -> str:
    """All of the tool's words in ``lang``: to test whether an output can show them."""
    return "".join(getattr(tr, lang) for tr in globals().values() if isinstance(tr, Tr))
