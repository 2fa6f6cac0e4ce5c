; Inno Setup 6: the Windows installer for the frozen app in dist\hsp-wizard (built by packaging\hsp_wizard.spec).
; Per-user by default (no administrator rights: installs into %LOCALAPPDATA%\Programs\HSP Wizard), English and
; Japanese pages, a Start-menu entry, the .hspw file type, and an uninstaller that removes all of it.
; Build from the repository root:   iscc /DAppVersion=0.1.0 packaging\windows\hsp-wizard.iss
; Output: dist\hsp-wizard-<version>-setup.exe

#ifndef AppVersion
  #error Pass the version, e.g. iscc /DAppVersion=0.1.0 packaging\windows\hsp-wizard.iss
#endif

[Setup]
; AppId identifies the app for upgrades and uninstall: never change it.
AppId={{6B0E9C7A-3F0E-4C7B-9C39-5E6D3A1F2B11}
AppName=HSP Wizard
AppVersion={#AppVersion}
AppVerName=HSP Wizard {#AppVersion}
AppPublisher=HSP Wizard authors
DefaultDirName={autopf}\HSP Wizard
DefaultGroupName=HSP Wizard
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=hsp-wizard-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\hsp-wizard.ico
UninstallDisplayIcon={app}\hsp-wizard.exe
UninstallDisplayName=HSP Wizard
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
ChangesAssociations=yes
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"

[CustomMessages]
en.ProjectFile=HSP Wizard project
ja.ProjectFile=HSP Wizard プロジェクト
en.AppComment=HSP points and the earliest date to apply for permanent residence in Japan, offline
ja.AppComment=高度専門職ポイントと永住許可を申請できる最短の日付をオフラインで計算します

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\hsp-wizard\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\HSP Wizard"; Filename: "{app}\hsp-wizard.exe"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\HSP Wizard"; Filename: "{app}\hsp-wizard.exe"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Registry]
; HKA is HKCU for a per-user install and HKLM for an all-users one; every key is removed on uninstall.
Root: HKA; Subkey: "Software\Classes\.hspw"; ValueType: string; ValueName: ""; ValueData: "HSPWizard.Project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.hspw\OpenWithProgids"; ValueType: string; ValueName: "HSPWizard.Project"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\HSPWizard.Project"; ValueType: string; ValueName: ""; ValueData: "{cm:ProjectFile}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\HSPWizard.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\hsp-wizard.exe,0"
Root: HKA; Subkey: "Software\Classes\HSPWizard.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\hsp-wizard.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\hsp-wizard.exe\SupportedTypes"; ValueType: string; ValueName: ".hspw"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\hsp-wizard.exe"; Description: "{cm:LaunchProgram,HSP Wizard}"; Flags: nowait postinstall skipifsilent
