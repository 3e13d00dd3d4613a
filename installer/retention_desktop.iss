; Inno Setup script: a per-user install (no administrator rights) with a Start-menu entry.
; Build: run installer/build.py on Windows (it calls ISCC when Inno Setup is installed).
; The uninstaller keeps the user's data folder and keyring entries unless the user asks to remove them.

#define AppName "Retention Desktop"
#define AppVersion "0.1.0"

[Setup]
AppId={{6C1B6E8A-4E2B-4C8E-9B7B-2F0C5D8A9E31}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Retention Desktop
DefaultDirName={localappdata}\Programs\RetentionDesktop
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputDir=..\dist
OutputBaseFilename=RetentionDesktop-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\RetentionDesktop.exe

[Languages]
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\RetentionDesktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\RetentionDesktop.exe"
Name: "{group}\{#AppName} (데모)"; Filename: "{app}\RetentionDesktop.exe"; Parameters: "--demo"
Name: "{group}\{#AppName} 제거"; Filename: "{uninstallexe}"

[Code]
var
  RemoveUserData: Boolean;

function InitializeUninstall(): Boolean;
begin
  RemoveUserData := MsgBox('사용자 데이터(설정, 로그, 내장 데모 데이터베이스)와 저장된 비밀번호도 삭제할까요?' + #13#10 +
    'Also remove user data (settings, logs, the embedded demo database) and saved passwords?',
    mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
  Result := True;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  ResultCode: Integer;
begin
  if (CurUninstallStep = usUninstall) and RemoveUserData then
  begin
    Exec(ExpandConstant('{app}\RetentionDesktop-console.exe'), 'admin forget-secrets', '', SW_HIDE,
      ewWaitUntilTerminated, ResultCode);
    DelTree(ExpandConstant('{localappdata}\RetentionDesktop'), True, True, True);
  end;
end;
