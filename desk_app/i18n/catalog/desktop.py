"""Texts for a desktop that cannot show the window: said before Qt starts, so they are in
this catalogue rather than a Qt one."""

MESSAGES: dict[str, dict[str, str]] = {
    "desktop.missing_libraries": {
        "en": "desk-app cannot open its window: Qt's desktop plugin ({plugin}) needs system "
              "libraries this computer does not have:\n{libraries}\n\nInstall them with:\n"
              "    {command}\nthen start desk-app again.",
        "zh": "desk-app 无法打开窗口:Qt 的桌面插件({plugin})需要本机缺少的系统库:\n"
              "{libraries}\n\n请用以下命令安装:\n    {command}\n然后重新启动 desk-app。",
    },
    "desktop.unknown_package": {
        "en": "(the package that provides it: apt-file search {library})",
        "zh": "(查找提供它的软件包:apt-file search {library})",
    },
    "desktop.no_display": {
        "en": "desk-app cannot open its window: there is no desktop display here (DISPLAY "
              "and WAYLAND_DISPLAY are not set). Start it from a desktop session; for a "
              "test without a screen, set QT_QPA_PLATFORM=offscreen.",
        "zh": "desk-app 无法打开窗口:这里没有桌面显示(未设置 DISPLAY 和 WAYLAND_DISPLAY)。"
              "请在桌面会话中启动;如需在无屏幕环境中测试,请设置 QT_QPA_PLATFORM=offscreen。",
    },
}
