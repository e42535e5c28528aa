; The Windows installer: lateral-VERSION-windows-x64-setup.exe, built by scripts/release.sh:
;
;   makensis -DVERSION=0.1.0 -DSRCDIR=stage -DOUTFILE=setup.exe assets/installer/lateral.nsi
;
; SRCDIR holds lateral.exe (the app), lateral-cli.exe (the teachers' commands), lateral.ico and
; the licence files. A per-machine install for every user of the laptop, into
; C:\Program Files\Lateral: a Start-menu entry, exam packs (.lateral-exam) opening in Lateral,
; an uninstaller in Add/Remove Programs. `setup.exe /S` installs silently (lab deployment),
; `setup.exe /S /D=C:\Apps\Lateral` elsewhere; `uninstall.exe /S` removes it silently.
; Student work is in each Windows user's %APPDATA%\Lateral\lateral\data, never touched here.

Unicode true
; A 64-bit installer (PE32+), like the program it installs.
Target amd64-unicode
ManifestDPIAware true
; lzma for the release; scripts/release.sh --profile dev (CI's tests) passes zlib, faster.
!ifndef COMPRESSOR
  !define COMPRESSOR lzma
!endif
SetCompressor /SOLID ${COMPRESSOR}

!ifndef VERSION | SRCDIR | OUTFILE
  !error "define VERSION, SRCDIR and OUTFILE (scripts/release.sh does)"
!endif

!define APP "Lateral"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Lateral"
!define PACK_CLASS "Lateral.ExamPack"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP}"
InstallDirRegKey HKLM "Software\${APP}" "InstallDir"
RequestExecutionLevel admin
BrandingText "${APP} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} installer"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT OR Apache-2.0"

!include "MUI2.nsh"
!include "x64.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "${SRCDIR}\lateral.ico"
!define MUI_UNICON "${SRCDIR}\lateral.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\lateral.exe"
!insertmacro MUI_PAGE_LICENSE "${SRCDIR}\LICENSE-MIT.txt"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
; The installer speaks the laptop's language when it is one of these.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Polish"
!insertmacro MUI_LANGUAGE "Ukrainian"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "Lateral needs 64-bit Windows." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "Lateral"
  SetOutPath "$INSTDIR"
  File "${SRCDIR}\lateral.exe"
  File "${SRCDIR}\lateral-cli.exe"
  File "${SRCDIR}\lateral.ico"
  File "${SRCDIR}\README.txt"
  File "${SRCDIR}\INSTALL.txt"
  File "${SRCDIR}\LICENSE-MIT.txt"
  File "${SRCDIR}\LICENSE-APACHE.txt"
  File "${SRCDIR}\LICENSE-Noto.txt"
  File "${SRCDIR}\THIRD-PARTY-LICENSES.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "Software\${APP}" "InstallDir" "$INSTDIR"

  ; The Start menu, for every user of the laptop.
  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\lateral.exe" "" "$INSTDIR\lateral.ico" 0

  ; Exam packs open in Lateral (a double-click runs `lateral.exe FILE`).
  WriteRegStr HKLM "Software\Classes\.lateral-exam" "" "${PACK_CLASS}"
  WriteRegStr HKLM "Software\Classes\.lateral-exam" "Content Type" "application/x-lateral-exam"
  WriteRegStr HKLM "Software\Classes\${PACK_CLASS}" "" "Lateral exam pack"
  WriteRegStr HKLM "Software\Classes\${PACK_CLASS}\DefaultIcon" "" "$INSTDIR\lateral.ico"
  WriteRegStr HKLM "Software\Classes\${PACK_CLASS}\shell\open\command" "" '"$INSTDIR\lateral.exe" "%1"'
  WriteRegStr HKLM "Software\Classes\Applications\lateral.exe\SupportedTypes" ".lateral-exam" ""

  ; Add/Remove Programs.
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "The Lateral authors"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\lateral.ico"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ; SHCNE_ASSOCCHANGED: Explorer picks up the new file type at once.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$INSTDIR\lateral.exe"
  Delete "$INSTDIR\lateral-cli.exe"
  Delete "$INSTDIR\lateral.ico"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\INSTALL.txt"
  Delete "$INSTDIR\LICENSE-MIT.txt"
  Delete "$INSTDIR\LICENSE-APACHE.txt"
  Delete "$INSTDIR\LICENSE-Noto.txt"
  Delete "$INSTDIR\THIRD-PARTY-LICENSES.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "Software\Classes\${PACK_CLASS}"
  ; The extension only while it is still ours.
  ReadRegStr $0 HKLM "Software\Classes\.lateral-exam" ""
  ${If} $0 == "${PACK_CLASS}"
    DeleteRegKey HKLM "Software\Classes\.lateral-exam"
  ${EndIf}
  DeleteRegKey HKLM "Software\Classes\Applications\lateral.exe"
  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "Software\${APP}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
