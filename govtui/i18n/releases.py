"""Words for content releases, the configuration file and "what changed" (zh-Hans, English)."""

from __future__ import annotations

RELEASES: dict[str, tuple[str, str]] = {
    # The configuration file
    "error_config_unreadable": (
        "无法读取配置文件 {path}（{detail}）。请检查文件权限。",
        "cannot read the configuration file {path} ({detail}). Check its permissions.",
    ),
    "error_config_syntax": (
        "配置文件 {path} 的格式有误：{detail}。请按 README 中的示例改正。",
        "the configuration file {path} is not valid TOML: {detail}. Fix it as in the README's"
        " example.",
    ),
    "error_config_value": (
        "配置文件 {path} 中的 {key} 取值有误。请按 README 中的示例改正。",
        "{key} in the configuration file {path} has a wrong value. Fix it as in the README's"
        " example.",
    ),
    # Building a release
    "error_release_version_form": (
        "版本号“{version}”不符合要求：只能是用点分隔的数字，例如 2026.12.01。",
        "'{version}' is not a version: use numbers separated by dots, e.g. 2026.12.01.",
    ),
    "error_release_source_folder": (
        "内容目录中缺少文件夹 {folder}。请指定包含 guides/ 和 policies/ 的目录。",
        "the content has no folder {folder}. Name a folder holding guides/ and policies/.",
    ),
    "error_release_source_link": (
        "内容目录中有符号链接 {path}，发布包不能包含链接。请换成普通文件后再打包。",
        "{path} is a symbolic link; a release cannot carry links. Replace it with the file.",
    ),
    "error_release_key_unreadable": (
        "无法读取签名私钥 {path}（{detail}）。",
        "cannot read the signing key {path} ({detail}).",
    ),
    "error_release_key_invalid": (
        "{path} 不是 minisign 私钥文件。请用 minisign -G 生成的 .key 文件。",
        "{path} is not a minisign secret key. Use the .key file made by minisign -G.",
    ),
    "error_release_key_password": (
        "私钥 {path} 设有密码：请在环境变量 GOVTUI_SIGN_PASSWORD 中提供，或在提示时输入。",
        "the key {path} is protected by a password: give it in GOVTUI_SIGN_PASSWORD or when asked.",
    ),
    "error_release_key_password_wrong": (
        "私钥 {path} 的密码不对。",
        "wrong password for the key {path}.",
    ),
    # Reading a release: each refusal leaves the terminal as it was
    "error_release_not_found": (
        "找不到发布包 {path}。请检查U盘或共享文件夹中的文件名。",
        "no release file at {path}. Check the file name on the USB stick or shared folder.",
    ),
    "error_release_damaged": (
        "发布包 {path} 已损坏或不完整（可能没有复制完）。请重新复制或下载；当前内容未作任何改动。",
        "the release {path} is damaged or incomplete (perhaps not fully copied). Copy or download"
        " it again; the current content is unchanged.",
    ),
    "error_release_too_big": (
        "发布包 {path} 解开后过大，已拒绝。当前内容未作任何改动。",
        "the release {path} unpacks too large and was refused. The current content is unchanged.",
    ),
    "error_release_member_outside": (
        "发布包 {path} 中的“{member}”位于内容目录之外，已拒绝。当前内容未作任何改动。",
        "'{member}' in the release {path} lies outside the content folder; refused. The current"
        " content is unchanged.",
    ),
    "error_release_member_link": (
        "发布包 {path} 中的“{member}”是链接，已拒绝。当前内容未作任何改动。",
        "'{member}' in the release {path} is a link; refused. The current content is unchanged.",
    ),
    "error_release_member_other": (
        "发布包 {path} 中的“{member}”不是普通文件，已拒绝。当前内容未作任何改动。",
        "'{member}' in the release {path} is not a plain file; refused. The current content is"
        " unchanged.",
    ),
    "error_release_member_twice": (
        "发布包 {path} 中的“{member}”出现了两次，已拒绝。当前内容未作任何改动。",
        "'{member}' appears twice in the release {path}; refused. The current content is"
        " unchanged.",
    ),
    "error_release_no_manifest": (
        "{path} 中没有 manifest.json，不是 govtui 内容发布包。",
        "{path} has no manifest.json; it is not a govtui content release.",
    ),
    "error_release_manifest": (
        "发布包 {path} 的清单（manifest.json）无法读取，已拒绝。当前内容未作任何改动。",
        "the manifest of the release {path} cannot be read; refused. The current content is"
        " unchanged.",
    ),
    "error_release_format": (
        "发布包 {path} 的格式为第{found}版，本机只认第{wanted}版。请升级 govtui。",
        "the release {path} is in format {found}; this govtui reads format {wanted}. Upgrade"
        " govtui.",
    ),
    "error_release_no_public_key": (
        "配置文件中没有县级公钥（[content] public_key），无法确认发布包来自本县。"
        "请向县里索取公钥并写入配置。",
        "no county public key in the configuration ([content] public_key), so the release cannot"
        " be checked. Ask the county for its key and add it to the configuration.",
    ),
    "error_release_public_key_invalid": (
        "配置文件中的县级公钥（[content] public_key）不是 minisign 公钥。"
        "请填写 .pub 文件的第二行。",
        "the county public key in the configuration ([content] public_key) is not a minisign key."
        " Use the second line of the .pub file.",
    ),
    "error_release_unsigned": (
        "发布包 {path} 没有签名，已拒绝。请使用县里签名发布的文件。当前内容未作任何改动。",
        "the release {path} is not signed; refused. Use the file the county signed. The current"
        " content is unchanged.",
    ),
    "error_release_bad_signature": (
        "发布包 {path} 的签名与县级公钥不符：文件被改动过，或不是本县签发的。"
        "已拒绝，当前内容未作任何改动。",
        "the signature of {path} does not match the county's key: the file was altered or not"
        " signed by the county. Refused; the current content is unchanged.",
    ),
    "error_release_extra_file": (
        "发布包 {path} 中的“{member}”不在签名清单中，已拒绝。当前内容未作任何改动。",
        "'{member}' in the release {path} is not in its signed manifest; refused. The current"
        " content is unchanged.",
    ),
    "error_release_file_changed": (
        "发布包 {path} 中的“{member}”与签名清单不符（被改动过），已拒绝。当前内容未作任何改动。",
        "'{member}' in the release {path} differs from its signed manifest (altered); refused."
        " The current content is unchanged.",
    ),
    "error_release_file_missing": (
        "发布包 {path} 缺少签名清单中的“{member}”，已拒绝。当前内容未作任何改动。",
        "the release {path} lacks '{member}' listed in its signed manifest; refused. The current"
        " content is unchanged.",
    ),
    "error_release_needs_newer_govtui": (
        "内容版本 {version} 需要 govtui {needed} 或更新版本，本机是 {have}。"
        "请先升级 govtui；当前内容未作任何改动。",
        "content {version} needs govtui {needed} or newer; this is {have}. Upgrade govtui first;"
        " the current content is unchanged.",
    ),
    "error_release_not_newer": (
        "内容版本 {version} 不比本机的 {have} 新，已拒绝（不能退回旧版本）。",
        "content {version} is not newer than the installed {have}; refused (no going back).",
    ),
    "error_release_content_errors": (
        "发布包中的内容有{n}处问题（第一处：{first}），已拒绝。"
        "请县里用 govtui lint 检查后重新发布。",
        "the release's content has {n} problems (the first: {first}); refused. Ask the county to"
        " check it with govtui lint and release again.",
    ),
    "error_release_write": (
        "无法写入 {folder}（{detail}）。请检查磁盘空间和权限；当前内容未作任何改动。",
        "cannot write to {folder} ({detail}). Check the disk space and permissions; the current"
        " content is unchanged.",
    ),
    # Fetching
    "error_fetch_failed": (
        "无法取得 {source}（{detail}）。"
        "请检查网络或地址，也可以用U盘拷贝发布包后运行 govtui release apply。",
        "cannot fetch {source} ({detail}). Check the network or the address, or copy the release"
        " on a USB stick and run govtui release apply.",
    ),
    "error_fetch_no_release": (
        "{source} 中没有内容发布包（*.tar.gz 且含 manifest.json）。",
        "{source} holds no content release (a *.tar.gz with a manifest.json).",
    ),
    "error_fetch_git_remote": (
        "用法：govtui release fetch 网址，或 govtui release fetch git 仓库地址。",
        "usage: govtui release fetch URL, or govtui release fetch git REMOTE.",
    ),
    # govtui diff
    "error_diff_source": (
        "“{source}”既不是内容目录（含 guides/ 和 policies/），也不是发布包，也不是 git:版本。",
        "'{source}' is neither a content folder (with guides/ and policies/), a release file,"
        " nor git:REVISION.",
    ),
    "error_git_revision": (
        "在 {repository} 中找不到 git 版本“{revision}”（{detail}）。",
        "no git revision '{revision}' in {repository} ({detail}).",
    ),
    # Command-line status lines
    "cli_release_built": (
        "已生成内容发布包 {path}：版本 {version}，{files}个文件，已签名。",
        "built the release {path}: version {version}, {files} files, signed.",
    ),
    "cli_release_built_unsigned": (
        "已生成内容发布包 {path}：版本 {version}，"
        "{files}个文件，未签名（终端会拒绝未签名的发布包）。",
        "built the release {path}: version {version}, {files} files, NOT signed (terminals"
        " refuse unsigned releases).",
    ),
    "cli_release_applied": (
        "已更新内容：{previous} → {version}。",
        "content updated: {previous} → {version}.",
    ),
    "cli_release_checked": (
        "发布包 {path} 签名有效：版本 {version}，{files}个文件。",
        "the release {path} is signed and whole: version {version}, {files} files.",
    ),
    "cli_release_status": (
        "内容版本 {version}，生成于 {created}，已 {days} 天；位置 {root}",
        "content version {version}, made {created}, {days} days old; at {root}",
    ),
    "cli_release_status_none": (
        "尚未安装内容发布包，正在使用 {root}",
        "no content release applied; using {root}",
    ),
    "cli_sign_password": ("私钥密码", "Key password"),
    # Status bar and the "what changed" screen
    "status_content": ("内容 {version}（{days}天前）", "content {version} ({days} days old)"),
    "status_content_stale": (
        "内容已{days}天未更新（版本 {version}）。请尽快更新；现在仍可照常使用。",
        "The content is {days} days old (version {version}). Please update it soon; govtui"
        " keeps working meanwhile.",
    ),
    "status_content_stale_title": ("内容需要更新", "Content needs an update"),
    "changes_heading": (
        "内容已更新：{previous} → {version}",
        "Content updated: {previous} → {version}",
    ),
    "changes_intro": (
        "以下是与本服务点常办事项有关的变化（{basis}）：",
        "Changes to the services this point handles most ({basis}):",
    ),
    "changes_basis_usage": ("按本机办理记录排序", "ordered by this terminal's records"),
    "changes_basis_order": ("按内容中的顺序", "in the content's order"),
    "changes_more": (
        "另有{n}项内容有变化，可运行 govtui diff 查看全部。",
        "{n} more documents changed; run govtui diff to see them all.",
    ),
    "changes_dismiss": ("按任意键继续", "Press any key to continue"),
    "key_dismiss": ("继续", "Continue"),
    # The changes in words
    "change_title": ("内容变化（按{date}的规定）", "What changed (the rules as of {date})"),
    "change_nothing": ("两个版本之间没有变化。", "Nothing changed between the two versions."),
    "change_none": ("（无）", "(none)"),
    "change_coming": ("自{date}起：{change}", "From {date}: {change}"),
    "change_heading_guide": ("【事项】{title}", "[Service] {title}"),
    "change_heading_policy": ("【政策】{title}", "[Policy] {title}"),
    "change_heading_bundle": ("【一件事】{title}", "[Life event] {title}"),
    "change_guide_added": ("新增这项事项。", "This service is new."),
    "change_guide_removed": ("这项事项已取消。", "This service is withdrawn."),
    "change_material_added": (
        "新增材料“{subject}”（{after}）。",
        "New material: '{subject}' ({after}).",
    ),
    "change_material_removed": (
        "不再需要材料“{subject}”（原为{before}）。",
        "'{subject}' is no longer needed (it was {before}).",
    ),
    "change_material_state": (
        "材料“{subject}”由{before}改为{after}。",
        "'{subject}' changes from {before} to {after}.",
    ),
    "change_material_renamed": (
        "材料“{before}”改称“{after}”。",
        "The material '{before}' is now called '{after}'.",
    ),
    "change_material_form": (
        "材料“{subject}”的形式和份数由{before}改为{after}。",
        "'{subject}': form and copies change from {before} to {after}.",
    ),
    "change_material_when": (
        "材料“{subject}”的适用情形由“{before}”改为“{after}”。",
        "'{subject}' now applies when '{after}' (was '{before}').",
    ),
    "change_fee": (
        "收费由“{before}”改为“{after}”。",
        "The fee changes from '{before}' to '{after}'.",
    ),
    "change_time_limit_legal": (
        "法定办结时限由“{before}”改为“{after}”。",
        "The legal time limit changes from '{before}' to '{after}'.",
    ),
    "change_time_limit_promised": (
        "承诺办结时限由“{before}”改为“{after}”。",
        "The promised time limit changes from '{before}' to '{after}'.",
    ),
    "change_visits": (
        "到现场次数由{before}次改为{after}次。",
        "On-site visits change from {before} to {after}.",
    ),
    "change_rule_added": ("新增申请条件：{after}", "New condition: {after}"),
    "change_rule_changed": (
        "申请条件“{before}”改为：{after}",
        "The condition '{before}' now reads: {after}",
    ),
    "change_rule_removed": ("取消申请条件：{before}", "Condition dropped: {before}"),
    "change_basis_added": ("新增依据：{after}", "Now also based on {after}"),
    "change_basis_removed": ("不再引用：{before}", "No longer based on {before}"),
    "change_policy_added": ("新增政策文件（{after}）。", "New policy document ({after})."),
    "change_policy_removed": (
        "政策文件已从内容中移除。",
        "The policy was removed from the content.",
    ),
    "change_policy_repealed": ("已废止（{after}）。", "Repealed ({after})."),
    "change_policy_superseded": (
        "已被新版本取代（{after}）。",
        "Replaced by a newer version ({after}).",
    ),
    "change_policy_back_in_force": ("恢复有效。", "In force again."),
    "change_policy_revised": ("有新版本（修订于{after}）。", "New version (amended {after})."),
    "change_article_added": ("新增{subject}：{after}", "New {subject}: {after}"),
    "change_article_changed": ("{subject}改为：{after}", "{subject} now says: {after}"),
    "change_article_removed": ("删去{subject}（{before}）。", "{subject} removed ({before})."),
}
