"""The words printed for signing by hand and for the case code (zh-Hans, English)."""

from __future__ import annotations

# Every key starts with "paper_" (or is the one error here), so no other area can clash with it.
PAPER: dict[str, tuple[str, str]] = {
    "paper_case_code": ("案件编号", "Case code"),
    # The acknowledgement the citizen signs on every notice in force: the 一次性告知 was given.
    "paper_received_heading": ("签收", "Acknowledgement"),
    "paper_received_statement": (
        "本人已收到本一次性告知单。",
        "I have received this one-time notice.",
    ),
    "paper_applicant_signature": ("申请人（签字）", "Applicant (signature)"),
    "paper_agent_signature": ("代理人（签字）", "Agent (signature)"),
    "paper_guardian_signature": ("监护人（签字）", "Guardian (signature)"),
    # Beside the agent's line when nobody said yet who applies: left blank by a citizen in person.
    "paper_agent_note": ("（代办时填写）", "(if applying for someone else)"),
    "paper_id_number": ("身份证号码", "ID card number"),
    "paper_date": ("日期", "Date (y-m-d)"),
    # Runs of "_" are the blanks to write on: text prints them, HTML draws them as lines.
    "paper_date_blank": ("____年__月__日", "____-__-__"),
    "error_case_code": (
        "--case-code {code}：案件编号只能由字母和数字组成，中间有一个连字符，"
        "最长{maximum}个字符，例如 QH-7K4Q。",
        "--case-code {code}: a case code is letters and digits with one hyphen between them,"
        " at most {maximum} characters, such as QH-7K4Q",
    ),
}
