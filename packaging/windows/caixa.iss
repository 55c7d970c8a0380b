; Inno Setup 6 script for Caixa on Windows (x64). Built by `python dev.py package` on a
; Windows machine with Inno Setup installed (packaging/build.py passes the defines below
; and writes the Start-menu shortcuts into BuildDir\windows\launchers.iss from its
; LAUNCHERS list); CI: .github/workflows/windows.yml. It cannot be built on Linux.
;
; - The program goes to Program Files and is read-only at run time.
; - The shop's data goes to %ProgramData%\Caixa: one shop per till machine, whichever
;   Windows user is signed in. The folder is created here with modify rights for the
;   machine's users (the till runs as an ordinary user) and is never removed by the
;   uninstaller: the database, its key secret and the SAF-T exports outlive the program.
;   Caixa uses it because it exists (pos.installation.data_dir).

#ifndef AppVersion
  #error Pass /DAppVersion=<version> (packaging/build.py does)
#endif
#ifndef BuildDir
  #define BuildDir "..\..\build\package"
#endif
#ifndef DistDir
  #define DistDir "..\..\dist"
#endif

[Setup]
AppId={{7C3B6E52-3A0D-4C1B-9F57-4D2A8E6C1A0B}
AppName=Caixa
AppVersion={#AppVersion}
AppVerName=Caixa {#AppVersion}
AppPublisher=Caixa
DefaultDirName={autopf}\Caixa
DefaultGroupName=Caixa
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#DistDir}
OutputBaseFilename=caixa-{#AppVersion}-windows-x64-setup
SetupIconFile={#BuildDir}\icons\caixa.ico
UninstallDisplayIcon={app}\caixa.ico
UninstallDisplayName=Caixa {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "pt"; MessagesFile: "compiler:Languages\Portuguese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Dirs]
; The shop's data: kept on uninstall, writable by the till's users.
Name: "{commonappdata}\Caixa"; Permissions: users-modify; Flags: uninsneveruninstall

[Files]
Source: "{#DistDir}\caixa\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
#include BuildDir + "\windows\launchers.iss"
Name: "{group}\Desinstalar Caixa"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\caixaw.exe"; Parameters: "gui"; Description: "Abrir a Caixa"; Flags: nowait postinstall skipifsilent

