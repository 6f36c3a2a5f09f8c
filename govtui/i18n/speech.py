"""The errors of reading aloud through espeak-ng (zh-Hans, English)."""

from __future__ import annotations

# Every key starts with "error_speech_", so no other area can clash with it.
SPEECH: dict[str, tuple[str, str]] = {
    "error_speech_missing": (
        "找不到朗读程序 espeak-ng。Debian、Ubuntu、统信UOS、麒麟上请运行"
        " sudo apt install espeak-ng；Windows 上请安装 espeak-ng 并把它加入 PATH。",
        "espeak-ng, the program that reads aloud, was not found. On Debian, Ubuntu, UOS or Kylin"
        " run sudo apt install espeak-ng; on Windows install espeak-ng and add it to PATH.",
    ),
    "error_speech_voice_missing": (
        "espeak-ng 缺少普通话语音 {voice}。请安装完整的 espeak-ng"
        "（Debian、Ubuntu、统信UOS、麒麟上为 sudo apt install espeak-ng-data）。",
        "espeak-ng has no Mandarin voice {voice}. Install the full espeak-ng (on Debian, Ubuntu,"
        " UOS or Kylin: sudo apt install espeak-ng-data).",
    ),
    "error_speech_no_device": (
        "没有可用的声音设备，无法朗读。请接上音箱或耳机，并检查系统的声音设置。",
        "No sound device is available to read aloud. Connect speakers or headphones and check the"
        " system's sound settings.",
    ),
    "error_speech_failed": (
        "espeak-ng 朗读失败（退出码 {code}）：{detail}",
        "espeak-ng could not read aloud (exit code {code}): {detail}",
    ),
}
