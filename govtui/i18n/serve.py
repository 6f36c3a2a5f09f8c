"""Words for `govtui serve`, the app in a browser: its status lines, errors and pages (zh, en)."""

from __future__ import annotations

SERVE: dict[str, tuple[str, str]] = {
    # Status lines on the server's terminal
    "serve_listening": (
        "在浏览器中打开 {url} 即可使用；最多同时 {n} 个会话。按 Ctrl+C 停止。",
        "Open {url} in a browser; at most {n} sessions at once. Press Ctrl+C to stop.",
    ),
    "serve_not_loopback": (
        "警告：正在监听 {host}，局域网里的其他电脑也能连上。本服务没有 TLS 加密，也没有登录："
        "请只通过带 TLS 和登录的反向代理对外提供（见 docs/serve.md），否则请用默认的 127.0.0.1。",
        "Warning: listening on {host}, so other computers on the network can connect. There is no"
        " TLS and no login: expose it only through a reverse proxy that adds both (see"
        " docs/serve.md), or keep the default 127.0.0.1.",
    ),
    "serve_stopped": ("已停止。", "Stopped."),
    # Errors
    "error_serve_port_in_use": (
        "端口 {port} 已被占用（可能 govtui serve 已在运行）。请用 --port 换一个端口。",
        "Port {port} is already in use (is govtui serve already running?). Choose another with"
        " --port.",
    ),
    "error_serve_port_denied": (
        "没有权限使用端口 {port}（1024 以下的端口需要管理员权限）。"
        "请用 --port 选 1024 以上的端口。",
        "Not allowed to use port {port} (ports below 1024 need administrator rights). Choose one"
        " above 1024 with --port.",
    ),
    "error_serve_bad_host": (
        "无法在 {host} 上监听：{detail}。请用本机的地址，例如 127.0.0.1。",
        "Cannot listen on {host}: {detail}. Use an address of this computer, such as 127.0.0.1.",
    ),
    "error_serve_bad_public_url": (
        "--public-url {url} 不是 http:// 或 https:// 开头的网址。请写浏览器地址栏里的完整网址，"
        "例如 https://zwfw.example.gov.cn/govtui。",
        "--public-url {url} is not an address starting with http:// or https://. Give the full"
        " address a browser uses, such as https://zwfw.example.gov.cn/govtui.",
    ),
    "error_serve_bad_sessions": (
        "会话上限 {value} 无效：应为 1 到 {most} 之间的整数。",
        "The session limit {value} is not valid: give a whole number from 1 to {most}.",
    ),
    # The page
    "serve_page_title": ("政务服务助手 govtui", "govtui: government service helper"),
    "serve_page_loading": ("正在打开…", "Opening…"),
    "serve_page_closed": (
        "本次会话已结束，回答已全部清除。",
        "This session has ended; its answers are gone.",
    ),
    "serve_page_restart": ("重新开始", "Start again"),
    "serve_full_title": ("同时使用的人数已满", "All sessions are in use"),
    "serve_full_body": (
        "这台服务器同时最多开 {n} 个会话，现在都在使用中。请关闭一个不用的标签页，或稍等片刻再试。",
        "This server runs at most {n} sessions at once, and all are in use. Close a tab you no"
        " longer need, or try again in a moment.",
    ),
    "serve_full_retry": ("再试一次", "Try again"),
}
