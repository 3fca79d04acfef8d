; Kompassen for Windows: a per-machine installer (Inno Setup 6) for tablets and office desktops.
;
; Built on a Windows build machine from the PyInstaller onedir bundle (packaging/kompassen.spec,
; output dist\kompassen\kompassen.exe); the exact steps are in docs/RELEASING.md:
;
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\kompassen.iss
;   (options: /DBundleDir=C:\path\to\dist\kompassen  /DAppVersion=1.2.3  /Ssigntool=...)
;
; The version is the bundle's own: the name of the kompassen-<version>.dist-info folder that
; the spec copies into the bundle (importlib.metadata reads the same folder at run time).
;
; Deployment (Intune, other MDM, a script) is silent and asks nothing:
;   kompassen-<version>-windows-x64-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LOG
; A tablet:       ... /TABLET=1   (or /TASKS="tablet"): writes %ProgramData%\Kompassen\defaults.json
;                 with {"kiosk": true} (device/machine_defaults.py), so every user starts in
;                 tablet mode; /AREA=klara adds the area to open first. /TABLET=0 removes it.
; Uninstall:      "%ProgramFiles%\Kompassen\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;                 removes the program and the installer's defaults.json, never a user's data
;                 (drafts, unsent reports, settings, logs in %LOCALAPPDATA%\Kompassen).

#define AppName "Kompassen"
#define AppExe "kompassen.exe"
#define AppPublisher "Kompassen"

#ifndef BundleDir
  #define BundleDir AddBackslash(SourcePath) + "..\..\dist\kompassen"
#endif
#if !FileExists(AddBackslash(BundleDir) + AppExe)
  #error The bundle is missing: build it first (pyinstaller packaging\kompassen.spec), or pass /DBundleDir=...
#endif

#ifndef AppVersion
  #define DistInfo FindFirst(AddBackslash(BundleDir) + "_internal\kompassen-*.dist-info", faDirectory)
  #if DistInfo == 0
    #error No kompassen-*.dist-info in the bundle: pass /DAppVersion=... or rebuild with the spec
  #endif
  #define DistName FindGetFileName(DistInfo)
  #expr FindClose(DistInfo)
  #define AppVersion Copy(DistName, Len("kompassen-") + 1, Len(DistName) - Len("kompassen-") - Len(".dist-info"))
#endif

; Swedish wizard texts ship with Inno Setup's source as an unofficial translation: used when
; the build machine has it (docs/RELEASING.md says where it goes), English otherwise.
#define SwedishIsl AddBackslash(CompilerPath) + "Languages\Unofficial\Swedish.isl"

[Setup]
; The AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{EB241E7D-55EB-41CB-B1A7-4761E2C095C5}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
; per machine, in Program Files (64-bit), for every user of the tablet or desktop
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
UsePreviousTasks=yes
; an upgrade replaces a running Kompassen (drafts are saved as they are typed); no reboot ever
CloseApplications=force
RestartApplications=no
RestartIfNeededByRun=no
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
OutputDir=..\..\dist
OutputBaseFilename=kompassen-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
LanguageDetectionMethod=uilanguage
#if FileExists(AddBackslash(SourcePath) + "kompassen.ico")
SetupIconFile=kompassen.ico
#endif
; code signing: ISCC /Ssigntool="signtool.exe sign /fd SHA256 /tr <tsa> /td SHA256 /a $f"
; signs the setup and the uninstaller (docs/RELEASING.md)
#ifdef Sign
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
#if FileExists(SwedishIsl)
Name: "sv"; MessagesFile: "{#SwedishIsl}"
#endif

[CustomMessages]
en.TabletTask=Tablet: every user starts Kompassen in tablet mode (full screen)
en.DesktopTask=A shortcut on the desktop
en.AutostartTask=Start Kompassen when a user signs in
en.Extra=Extra:
#if FileExists(SwedishIsl)
sv.TabletTask=Surfplatta: alla användare startar Kompassen i surfplatteläge (helskärm)
sv.DesktopTask=En genväg på skrivbordet
sv.AutostartTask=Starta Kompassen när en användare loggar in
sv.Extra=Extra:
#endif

[Tasks]
Name: "tablet"; Description: "{cm:TabletTask}"; Flags: unchecked
Name: "desktopicon"; Description: "{cm:DesktopTask}"; GroupDescription: "{cm:Extra}"; Flags: unchecked
Name: "autostart"; Description: "{cm:AutostartTask}"; GroupDescription: "{cm:Extra}"; Flags: unchecked

[InstallDelete]
; an upgrade must not keep libraries the new bundle no longer has (onedir: _internal\ is the
; whole app); only the program folder is touched
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon
Name: "{commonstartup}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: autostart

[Run]
; offered on the last page of an interactive install; never in a silent one
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; the machine defaults this installer wrote, and their folder if nothing else is left in it.
; A user's own data (%LOCALAPPDATA%\Kompassen: drafts, unsent reports, settings, logs) is
; never listed here: it may hold reports that exist nowhere else.
Type: files; Name: "{commonappdata}\{#AppName}\defaults.json"
Type: dirifempty; Name: "{commonappdata}\{#AppName}"

[Code]
// The machine defaults file device/machine_defaults.py reads for every user of this machine.
function DefaultsFile(): String;
begin
  Result := ExpandConstant('{commonappdata}\{#AppName}\defaults.json');
end;

// An area id as the packs and the server spell it (a-z, 0-9, '-'); anything else: none.
function CleanAreaId(Value: String): String;
var
  I: Integer;
  C: Char;
begin
  Result := '';
  Value := Lowercase(Trim(Value));
  for I := 1 to Length(Value) do
  begin
    C := Value[I];
    if ((C >= 'a') and (C <= 'z')) or ((C >= '0') and (C <= '9')) or (C = '-') then
      Result := Result + C
    else
    begin
      Log('Ignoring /AREA: not an area id: ' + Value);
      Result := '';
      Exit;
    end;
  end;
end;

procedure WriteTabletDefaults();
var
  Json, Area: String;
begin
  Json := '{"kiosk": true';
  Area := CleanAreaId(ExpandConstant('{param:AREA|}'));
  if Area <> '' then
    Json := Json + ', "area": "' + Area + '"';
  Json := Json + '}' + #13#10;
  ForceDirectories(ExtractFileDir(DefaultsFile()));
  if SaveStringToFile(DefaultsFile(), Json, False) then
    Log('Tablet mode for every user: wrote ' + DefaultsFile())
  else
    Log('Could not write ' + DefaultsFile());
end;

// /TABLET=1 or the tablet task: write the defaults; /TABLET=0: remove them; neither: an
// upgrade keeps what the machine had.
procedure CurStepChanged(CurStep: TSetupStep);
var
  Tablet: String;
begin
  if CurStep <> ssPostInstall then
    Exit;
  Tablet := ExpandConstant('{param:TABLET|}');
  if (Tablet = '1') or ((Tablet = '') and WizardIsTaskSelected('tablet')) then
    WriteTabletDefaults()
  else if (Tablet = '0') and FileExists(DefaultsFile()) then
  begin
    DeleteFile(DefaultsFile());
    Log('Tablet mode off: removed ' + DefaultsFile());
  end;
end;
