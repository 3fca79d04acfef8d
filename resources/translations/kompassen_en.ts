<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>AboutPage</name>
    <message>
        <source>← Tillbaka</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>Tillbaka till inställningarna</source>
        <translation>Back to the settings</translation>
    </message>
    <message>
        <source>Om Kompassen</source>
        <translation>About Kompassen</translation>
    </message>
    <message>
        <source>Kompassen version {v}</source>
        <translation>Kompassen version {v}</translation>
    </message>
    <message>
        <source>Installerade områden</source>
        <translation>Installed areas</translation>
    </message>
    <message>
        <source>Programvara</source>
        <translation>Software</translation>
    </message>
    <message>
        <source>Qt {qt} · PySide6 {pyside} · Python {python}</source>
        <translation>Qt {qt} · PySide6 {pyside} · Python {python}</translation>
    </message>
    <message>
        <source>Var data finns</source>
        <translation>Where data is kept</translation>
    </message>
    <message>
        <source>Enhetens mapp: {folder}</source>
        <translation>The device&apos;s folder: {folder}</translation>
    </message>
    <message>
        <source>Datorns förval: {file}</source>
        <translation>This computer&apos;s defaults: {file}</translation>
    </message>
    <message>
        <source>Licens</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Kompassen: {app}. Qt och PySide6 används under {qt}.</source>
        <translation>Kompassen: {app}. Qt and PySide6 are used under {qt}.</translation>
    </message>
    <message>
        <source>Inga områden är installerade.</source>
        <translation>No areas are installed.</translation>
    </message>
    <message>
        <source>katalogversion {c} från signerad utgåva {r}</source>
        <translation>catalogue version {c} from signed release {r}</translation>
    </message>
    <message>
        <source>katalogversion {c}</source>
        <translation>catalogue version {c}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;Områdespaket {pack} · {catalogue} · installerad {when}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;Area pack {pack} · {catalogue} · installed {when}</translation>
    </message>
</context>
<context>
    <name>AreasPage</name>
    <message>
        <source>Områden</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>Utgåva</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Organisationer</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Platser</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Sammanfattning</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Vad som händer</source>
        <translation>What is happening</translation>
    </message>
    <message numerus="yes">
        <source>%n områden är installerade i katalogen.</source>
        <translation>
            <numerusform>1 area is installed in the catalogue.</numerusform>
            <numerusform>%n areas are installed in the catalogue.</numerusform>
        </translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Nytt område…</source>
        <translation>New area…</translation>
    </message>
    <message>
        <source>Skapa ett nytt, tomt område</source>
        <translation>Create a new, empty area</translation>
    </message>
    <message>
        <source>Importera HSDS…</source>
        <translation>Import HSDS…</translation>
    </message>
    <message>
        <source>Importera ett område från HSDS-data (JSON eller CSV-mapp)</source>
        <translation>Import an area from HSDS data (JSON or CSV folder)</translation>
    </message>
    <message>
        <source>Exportera som HSDS…</source>
        <translation>Export as HSDS…</translation>
    </message>
    <message>
        <source>Exportera det valda området som HSDS 3</source>
        <translation>Export the selected area as HSDS 3</translation>
    </message>
    <message>
        <source>Exportera som paket…</source>
        <translation>Export as pack…</translation>
    </message>
    <message>
        <source>Exportera det valda området som områdespaket</source>
        <translation>Export the selected area as an area pack</translation>
    </message>
    <message>
        <source>Uppdatera</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Läs listan över områden igen</source>
        <translation>Read the list of areas again</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Paketversion</source>
        <translation>Pack version</translation>
    </message>
    <message>
        <source>Katalog</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>Katalogversion: ökar vid varje installation</source>
        <translation>Catalogue version: goes up with each installation</translation>
    </message>
    <message>
        <source>Den signerade utgåva som innehållet kom från (ingen: paketet)</source>
        <translation>The signed release the content came from (none: the pack)</translation>
    </message>
    <message>
        <source>Läser områdena…</source>
        <translation>Reading the areas…</translation>
    </message>
    <message>
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Välj mappen att exportera {area} till</source>
        <translation>Choose the folder to export {area} to</translation>
    </message>
    <message numerus="yes">
        <source>{area} exporterades som HSDS 3 till {folder}: %n tjänster, JSON (datapackage.json, hsds_services.json) och CSV-tabeller.</source>
        <translation>
            <numerusform>{area} was exported as HSDS 3 to {folder}: 1 service, JSON (datapackage.json, hsds_services.json) and CSV tables.</numerusform>
            <numerusform>{area} was exported as HSDS 3 to {folder}: %n services, JSON (datapackage.json, hsds_services.json) and CSV tables.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporterar {area} som HSDS 3…</source>
        <translation>Exporting {area} as HSDS 3…</translation>
    </message>
    <message>
        <source>{area} exporterades som områdespaket till {folder}.</source>
        <translation>{area} was exported as an area pack to {folder}.</translation>
    </message>
    <message>
        <source>Exporterar {area} som områdespaket…</source>
        <translation>Exporting {area} as an area pack…</translation>
    </message>
    <message>
        <source>Mappen {folder} finns redan och är inte tom. Välj en annan mapp; inget skrevs.</source>
        <translation>The folder {folder} already exists and is not empty. Choose another folder; nothing was written.</translation>
    </message>
    <message>
        <source>Tjänster</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Installerade områden</source>
        <translation>Installed areas</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>När</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Vem</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Vad</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Gällde</source>
        <translation>Concerning</translation>
    </message>
    <message>
        <source>Detaljer</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Loggade in</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <source>Misslyckad inloggning</source>
        <translation>Failed sign-in</translation>
    </message>
    <message>
        <source>Loggade ut</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>Publicerade katalogen</source>
        <translation>Published the catalogue</translation>
    </message>
    <message>
        <source>Skapade registreringskod</source>
        <translation>Created an enrolment code</translation>
    </message>
    <message>
        <source>Återkallade surfplatta</source>
        <translation>Revoked a tablet</translation>
    </message>
    <message>
        <source>Lade till användare</source>
        <translation>Added a user</translation>
    </message>
    <message>
        <source>Ändrade användare</source>
        <translation>Changed a user</translation>
    </message>
    <message>
        <source>Stängde av användare</source>
        <translation>Disabled a user</translation>
    </message>
    <message>
        <source>Bytte lösenord</source>
        <translation>Changed password</translation>
    </message>
    <message>
        <source>Registrerade områdesnyckel</source>
        <translation>Registered an area key</translation>
    </message>
    <message>
        <source>Hämtade rapporter</source>
        <translation>Fetched reports</translation>
    </message>
    <message>
        <source>Hämtade användningsstatistik</source>
        <translation>Fetched usage statistics</translation>
    </message>
    <message>
        <source>Ändrade status på rapporter</source>
        <translation>Changed the status of reports</translation>
    </message>
    <message>
        <source>Svarade på en rapport</source>
        <translation>Answered a report</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Logg</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Uppdatera</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Hämta loggen igen</source>
        <translation>Fetch the log again</translation>
    </message>
    <message>
        <source>Logg över kontorets åtgärder</source>
        <translation>Log of the office&apos;s actions</translation>
    </message>
    <message>
        <source>Sammanfattning</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Hämtar loggen…</source>
        <translation>Fetching the log…</translation>
    </message>
    <message>
        <source>Kontorets åtgärder på servern, de senaste först.</source>
        <translation>The office&apos;s actions on the server, latest first.</translation>
    </message>
</context>
<context>
    <name>CatalogueEditorPage</name>
    <message>
        <source>Öppnar katalogen…</source>
        <extracomment>the kinds the editor lists, in this order</extracomment>
        <translation>Opening the catalogue…</translation>
    </message>
    <message>
        <source>Katalogen: {area}</source>
        <translation>Catalogue: {area}</translation>
    </message>
    <message>
        <source>Ångra</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Ångra (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Gör om</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Gör om (Ctrl+Shift+Z eller Ctrl+Y)</source>
        <translation>Redo (Ctrl+Shift+Z or Ctrl+Y)</translation>
    </message>
    <message>
        <source>Kontrollerad idag</source>
        <translation>Checked today</translation>
    </message>
    <message>
        <source>Du har kontrollerat uppgifterna i dag: datumet och ditt namn sparas.</source>
        <translation>You have checked the details today: the date and your name are saved.</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Tjänster</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Organisationer</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Platser</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Landmärken</source>
        <translation>Landmarks</translation>
    </message>
    <message>
        <source>Lösningar</source>
        <translation>Solutions</translation>
    </message>
    <message>
        <source>Meddelanden</source>
        <translation>Notices</translation>
    </message>
    <message>
        <source>Sök på namn eller id</source>
        <translation>Search by name or ID</translation>
    </message>
    <message>
        <source>Alla statusar</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Inte kontrollerade på ett år</source>
        <translation>Not checked for a year</translation>
    </message>
    <message>
        <source>Ändringshistorik</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>Kontaktanteckning inför nästa kontroll</source>
        <translation>Contact note for the next check</translation>
    </message>
    <message>
        <source>Vem frågar vi, hur och när?</source>
        <translation>Whom do we ask, how and when?</translation>
    </message>
    <message>
        <source>Stannar på kontoret: den följer inte med till surfplattorna.</source>
        <translation>Stays at the office: it does not go to the tablets.</translation>
    </message>
    <message>
        <source>Slag av post</source>
        <translation>Type of record</translation>
    </message>
    <message>
        <source>Filtrera på status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>Filtrera på målgrupp</source>
        <translation>Filter by target group</translation>
    </message>
    <message>
        <source>Filtrera på behov</source>
        <translation>Filter by need</translation>
    </message>
    <message>
        <source>Poster</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Alla målgrupper</source>
        <translation>All target groups</translation>
    </message>
    <message>
        <source>Alla behov</source>
        <translation>All needs</translation>
    </message>
    <message numerus="yes">
        <source>%n av {total} visas</source>
        <translation>
            <numerusform>1 of {total} shown</numerusform>
            <numerusform>%n of {total} shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sparat: %n poster ändrade, katalogversion {v}.</source>
        <translation>
            <numerusform>Saved: 1 record changed, catalogue version {v}.</numerusform>
            <numerusform>Saved: %n records changed, catalogue version {v}.</numerusform>
        </translation>
    </message>
    <message>
        <source>{what} {id} finns inte i katalogen.</source>
        <translation>{what} {id} is not in the catalogue.</translation>
    </message>
    <message>
        <source>Välj en post i listan.</source>
        <translation>Choose a record from the list.</translation>
    </message>
    <message>
        <source>kontrollerad</source>
        <translation>checked</translation>
    </message>
    <message>
        <source>Inga sparade ändringar ännu.</source>
        <translation>No saved changes yet.</translation>
    </message>
    <message>
        <source>Aldrig kontrollerad</source>
        <translation>Never checked</translation>
    </message>
    <message>
        <source>Inte känt när uppgifterna senast kontrollerades</source>
        <translation>Not known when the details were last checked</translation>
    </message>
    <message>
        <source>Kontrollerad {when}</source>
        <translation>Checked {when}</translation>
    </message>
    <message>
        <source>senast av {who} {at}</source>
        <translation>last by {who} {at}</translation>
    </message>
    <message>
        <source>Ändra {field}</source>
        <translation>Change {field}</translation>
    </message>
    <message>
        <source>Markerad som kontrollerad i dag. Spara för att behålla det.</source>
        <translation>Marked as checked today. Save to keep it.</translation>
    </message>
    <message>
        <source>Sparar…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>ClearButton</name>
    <message>
        <source>Rensa texten</source>
        <translation>Clear the text</translation>
    </message>
</context>
<context>
    <name>CompassArrow</name>
    <message>
        <source>Riktning</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Riktningen är okänd</source>
        <translation>Direction unknown</translation>
    </message>
    <message>
        <source>Platsen är här</source>
        <translation>The place is here</translation>
    </message>
    <message>
        <source>Riktning: {word}</source>
        <translation>Direction: {word}</translation>
    </message>
</context>
<context>
    <name>DetailPage</name>
    <message>
        <source>Numret {n} är kopierat.</source>
        <translation>Number {n} copied.</translation>
    </message>
    <message>
        <source>Överlämning registrerad {t}</source>
        <translation>Handover recorded {t}</translation>
    </message>
    <message>
        <source>Fel i uppgiften om {name}: </source>
        <translation>Error in the information about {name}: </translation>
    </message>
    <message>
        <source>Tjänstens uppgifter</source>
        <translation>Service details</translation>
    </message>
    <message>
        <source>← Tillbaka</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>Tillbaka</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Tillbaka (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <source>Tjänsten finns inte längre i katalogen</source>
        <translation>The service is no longer in the catalogue</translation>
    </message>
    <message>
        <source>Den kan ha tagits bort när katalogen uppdaterades. Gå tillbaka och sök igen.</source>
        <translation>It may have been removed when the catalogue was updated. Go back and search again.</translation>
    </message>
    <message>
        <source>även kallad {name}</source>
        <translation>also called {name}</translation>
    </message>
    <message>
        <source>Vad de gör</source>
        <translation>What they do</translation>
    </message>
    <message>
        <source>Vem de tar emot</source>
        <translation>Who they take</translation>
    </message>
    <message>
        <source>Så lämnar du över</source>
        <translation>How to hand over</translation>
    </message>
    <message>
        <source>Öppettider denna vecka</source>
        <translation>Opening hours this week</translation>
    </message>
    <message>
        <source>Adress och vägbeskrivning</source>
        <translation>Address and directions</translation>
    </message>
    <message>
        <source>Hur säker är uppgiften</source>
        <translation>How reliable is this</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Målgrupper</source>
        <translation>Target groups</translation>
    </message>
    <message>
        <source>Hjälper med</source>
        <translation>Helps with</translation>
    </message>
    <message>
        <source>Ålder</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Kön</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Utan papper eller personnummer</source>
        <translation>No papers or ID number</translation>
    </message>
    <message>
        <source>Påverkad av alkohol eller droger</source>
        <translation>Under the influence of alcohol or drugs</translation>
    </message>
    <message>
        <source>Remiss krävs</source>
        <translation>Referral required</translation>
    </message>
    <message>
        <source>Språk</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Ej angivet</source>
        <translation>Not stated</translation>
    </message>
    <message>
        <source>Villkor och överlämning</source>
        <translation>Eligibility and handover</translation>
    </message>
    <message>
        <source>{a}–{b} år</source>
        <translation>{a}–{b} years</translation>
    </message>
    <message>
        <source>Från {a} år</source>
        <translation>From {a} years</translation>
    </message>
    <message>
        <source>Upp till {b} år</source>
        <translation>Up to {b} years</translation>
    </message>
    <message>
        <source>Alla kön</source>
        <translation>All genders</translation>
    </message>
    <message>
        <source>Kvinnor</source>
        <translation>Women</translation>
    </message>
    <message>
        <source>Män</source>
        <translation>Men</translation>
    </message>
    <message>
        <source>Tas emot</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Tas inte emot</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nej</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Inget telefonnummer angivet</source>
        <translation>No phone number given</translation>
    </message>
    <message>
        <source>Webb</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>För yrkesverksamma</source>
        <translation>For professionals</translation>
    </message>
    <message>
        <source>Växel</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <source>Stödlinje</source>
        <translation>Helpline</translation>
    </message>
    <message>
        <source>Akut</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Sms</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Telefonnummer {n}</source>
        <translation>Phone number {n}</translation>
    </message>
    <message>
        <source>⚠ Kontrollera numret – det är inte bekräftat.</source>
        <translation>⚠ Check the number – it is not confirmed.</translation>
    </message>
    <message>
        <source>Skicka sms</source>
        <translation>Send SMS</translation>
    </message>
    <message>
        <source>Skicka sms till {n}</source>
        <translation>Send SMS to {n}</translation>
    </message>
    <message>
        <source>Ring</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Ring {n}</source>
        <translation>Call {n}</translation>
    </message>
    <message>
        <source>Kopiera</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Kopiera {n}</source>
        <translation>Copy {n}</translation>
    </message>
    <message>
        <source>Öppettiderna är inte kända – ring och fråga innan ni går dit.</source>
        <translation>Opening hours are not known – call and ask before you go.</translation>
    </message>
    <message>
        <source>{day} (i dag)</source>
        <translation>{day} (today)</translation>
    </message>
    <message>
        <source>Stängt</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Öppettider</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <source>Vissa tider</source>
        <translation>Some times</translation>
    </message>
    <message>
        <source>Tjänsten rör sig i området och har ingen fast adress.</source>
        <translation>The service moves around the area and has no fixed address.</translation>
    </message>
    <message>
        <source>Ingen adress angiven.</source>
        <translation>No address given.</translation>
    </message>
    <message>
        <source>Adress</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>{what}: källa ej angiven</source>
        <translation>{what}: no source given</translation>
    </message>
    <message>
        <source>datum okänt</source>
        <translation>date unknown</translation>
    </message>
    <message>
        <source>{what} enligt {site}, {age}</source>
        <translation>{what} per {site}, {age}</translation>
    </message>
    <message>
        <source>{text} (kontrollerad {d})</source>
        <translation>{text} (checked {d})</translation>
    </message>
    <message>
        <source>Gatuadress saknas</source>
        <translation>No street address</translation>
    </message>
    <message>
        <source>Vägbeskrivning saknas – platsens läge är inte inlagt.</source>
        <translation>No directions – the location has not been entered.</translation>
    </message>
    <message>
        <source>Välj var du är för att se vägen hit.</source>
        <translation>Choose where you are to see the way here.</translation>
    </message>
    <message>
        <source>{way} från {place}</source>
        <translation>{way} from {place}</translation>
    </message>
    <message>
        <source>{here}, vid {place}</source>
        <translation>{here}, at {place}</translation>
    </message>
    <message>
        <source>Läget är ungefärligt – avståndet är en uppskattning.</source>
        <translation>The location is approximate – the distance is an estimate.</translation>
    </message>
    <message>
        <source>okänt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Senast kontrollerad: {d}</source>
        <translation>Last checked: {d}</translation>
    </message>
    <message>
        <source>Det är okänt när uppgiften kontrollerades – ring och kontrollera.</source>
        <translation>It is not known when this was last checked – call and check.</translation>
    </message>
    <message>
        <source>Uppgiften kontrollerades för mer än ett år sedan – ring och kontrollera.</source>
        <translation>This was last checked more than a year ago – call and check.</translation>
    </message>
    <message>
        <source>Källor:</source>
        <translation>Sources:</translation>
    </message>
    <message>
        <source>Jag lämnade över hit</source>
        <translation>I handed over here</translation>
    </message>
    <message>
        <source>Rapportera fel i uppgiften</source>
        <translation>Report an error</translation>
    </message>
    <message>
        <source>Öppnar felrapporten med tjänstens namn ifyllt</source>
        <translation>Opens the error report with the service name filled in</translation>
    </message>
</context>
<context>
    <name>DevicesModel</name>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Senaste synk</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>Appversion</source>
        <translation>App version</translation>
    </message>
    <message>
        <source>Katalog</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>Registrerad</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>aldrig</source>
        <translation>never</translation>
    </message>
    <message>
        <source>{area} {pack}, utgåva {release}</source>
        <translation>{area} {pack}, release {release}</translation>
    </message>
    <message>
        <source>{area} {pack} (paketet, ingen utgåva än)</source>
        <translation>{area} {pack} (the pack, no release yet)</translation>
    </message>
    <message>
        <source>Återkallad {when}</source>
        <translation>Revoked {when}</translation>
    </message>
    <message>
        <source>Aktiv</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Enheter</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Ny registreringskod…</source>
        <translation>New enrolment code…</translation>
    </message>
    <message>
        <source>Skapa en ny registreringskod</source>
        <translation>Create a new enrolment code</translation>
    </message>
    <message>
        <source>Återkalla…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <source>Återkalla den valda surfplattan</source>
        <translation>Revoke the selected tablet</translation>
    </message>
    <message>
        <source>Uppdatera</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Hämta listan över enheter igen</source>
        <translation>Fetch the list of devices again</translation>
    </message>
    <message>
        <source>Surfplattor</source>
        <translation>Tablets</translation>
    </message>
    <message>
        <source>Sammanfattning</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Hämtar enheterna…</source>
        <translation>Fetching the devices…</translation>
    </message>
    <message numerus="yes">
        <source>%n surfplattor</source>
        <translation>
            <numerusform>1 tablet</numerusform>
            <numerusform>%n tablets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n aktiva</source>
        <translation>
            <numerusform>1 active</numerusform>
            <numerusform>%n active</numerusform>
        </translation>
    </message>
    <message>
        <source>Återkalla surfplatta</source>
        <translation>Revoke tablet</translation>
    </message>
    <message>
        <source>Återkalla {name}?</source>
        <translation>Revoke {name}?</translation>
    </message>
    <message>
        <source>Surfplattan kan inte synka längre: den får inga nya kataloger och kan inte skicka rapporter. Det går inte att ångra; den kan registreras igen med en ny kod.</source>
        <translation>The tablet will no longer be able to sync: it gets no new catalogues and cannot send reports. This cannot be undone; it can be enrolled again with a new code.</translation>
    </message>
    <message>
        <source>Återkalla</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Återkallar…</source>
        <translation>Revoking…</translation>
    </message>
</context>
<context>
    <name>DraftsList</name>
    <message numerus="yes">
        <source>Utkast (%n)</source>
        <translation>
            <numerusform>Drafts (%n)</numerusform>
            <numerusform>Drafts (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Rapport</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>{kind} · sparat {when}</source>
        <translation>{kind} · saved {when}</translation>
    </message>
    <message>
        <source>Öppna</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Öppna utkastet {t}</source>
        <translation>Open the draft {t}</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Ta bort utkastet {t}</source>
        <translation>Delete the draft {t}</translation>
    </message>
    <message>
        <source>Ta bort utkastet för gott?</source>
        <translation>Delete the draft for good?</translation>
    </message>
    <message>
        <source>Ja, ta bort</source>
        <translation>Yes, delete</translation>
    </message>
    <message>
        <source>Ja, ta bort utkastet</source>
        <translation>Yes, delete the draft</translation>
    </message>
    <message>
        <source>Behåll</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Behåll utkastet</source>
        <translation>Keep the draft</translation>
    </message>
</context>
<context>
    <name>EndShiftDialog</name>
    <message>
        <source>Avsluta pass</source>
        <translation>End shift</translation>
    </message>
    <message>
        <source>Avslutar passet</source>
        <translation>Ending the shift</translation>
    </message>
    <message>
        <source>Hur mycket som har skickats</source>
        <translation>How much has been sent</translation>
    </message>
    <message>
        <source>Öppna utkasten</source>
        <translation>Open drafts</translation>
    </message>
    <message>
        <source>Öppna utkasten som inte skickats</source>
        <translation>Open the drafts that were not sent</translation>
    </message>
    <message>
        <source>Försök igen</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Försök skicka de väntande rapporterna igen</source>
        <translation>Try sending the waiting reports again</translation>
    </message>
    <message>
        <source>Klar</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Klar: börja om från en tom sökning</source>
        <translation>Done: start over from an empty search</translation>
    </message>
    <message numerus="yes">
        <source>Skickar rapporter till kontoret… %n kvar</source>
        <translation>
            <numerusform>Sending reports to the office… %n left</numerusform>
            <numerusform>Sending reports to the office… %n left</numerusform>
        </translation>
    </message>
    <message>
        <source>Hämtar uppdateringar av katalogen…</source>
        <translation>Fetching catalogue updates…</translation>
    </message>
    <message>
        <source>Allt är skickat</source>
        <translation>Everything is sent</translation>
    </message>
    <message>
        <source>Alla rapporter är skickade</source>
        <translation>All reports are sent</translation>
    </message>
    <message numerus="yes">
        <source>%n rapporter ligger kvar på surfplattan</source>
        <translation>
            <numerusform>1 report is still on the tablet</numerusform>
            <numerusform>%n reports are still on the tablet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rapporter skickades nu.</source>
        <translation>
            <numerusform>1 report was sent just now.</numerusform>
            <numerusform>%n reports were sent just now.</numerusform>
        </translation>
    </message>
    <message>
        <source>Det fanns inga rapporter att skicka.</source>
        <translation>There were no reports to send.</translation>
    </message>
    <message>
        <source>Inga rapporter kunde skickas nu.</source>
        <translation>No reports could be sent right now.</translation>
    </message>
    <message numerus="yes">
        <source>Väntar (%n)</source>
        <translation>
            <numerusform>Waiting (%n)</numerusform>
            <numerusform>Waiting (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Varför: {why}</source>
        <translation>Why: {why}</translation>
    </message>
    <message>
        <source>De ligger kvar säkert i utkorgen och skickas av sig själva nästa gång surfplattan når servern.</source>
        <translation>They stay safe in the outbox and are sent automatically the next time the tablet reaches the server.</translation>
    </message>
    <message numerus="yes">
        <source>Avvisade av servern (%n)</source>
        <translation>
            <numerusform>Refused by the server (%n)</numerusform>
            <numerusform>Refused by the server (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Visa dem för samordnaren, eller försök igen under Rapporter.</source>
        <translation>Show them to the coordinator, or try again under Reports.</translation>
    </message>
    <message numerus="yes">
        <source>Skickade nu (%n)</source>
        <translation>
            <numerusform>Sent just now (%n)</numerusform>
            <numerusform>Sent just now (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n utkast har inte skickats.</source>
        <translation>
            <numerusform>1 draft was never sent.</numerusform>
            <numerusform>%n drafts were never sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Ny registreringskod</source>
        <translation>New enrolment code</translation>
    </message>
    <message>
        <source>En registreringskod kopplar nya surfplattor till servern. Skriv in koden på surfplattan eller läs QR-koden med den. Koden visas bara nu.</source>
        <translation>An enrolment code connects new tablets to the server. Type the code on the tablet or scan the QR code with it. The code is only shown now.</translation>
    </message>
    <message>
        <source>&amp;Antal surfplattor</source>
        <translation>&amp;Number of tablets</translation>
    </message>
    <message>
        <source>&amp;Giltig i</source>
        <translation>&amp;Valid for</translation>
    </message>
    <message>
        <source>Antal surfplattor som kan använda koden</source>
        <translation>Number of tablets that can use the code</translation>
    </message>
    <message>
        <source>Hur länge koden gäller</source>
        <translation>How long the code is valid</translation>
    </message>
    <message>
        <source>Enhet för giltighetstiden</source>
        <translation>Unit of the validity period</translation>
    </message>
    <message>
        <source>dagar</source>
        <translation>days</translation>
    </message>
    <message>
        <source>timmar</source>
        <translation>hours</translation>
    </message>
    <message>
        <source>Skapa kod</source>
        <translation>Create code</translation>
    </message>
    <message>
        <source>Skapa registreringskod</source>
        <translation>Create enrolment code</translation>
    </message>
    <message>
        <source>Registreringskod</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>Registreringskoden</source>
        <translation>The enrolment code</translation>
    </message>
    <message>
        <source>QR-kod för registreringen</source>
        <translation>QR code for enrolment</translation>
    </message>
    <message>
        <source>Registreringslänk</source>
        <translation>Enrolment link</translation>
    </message>
    <message>
        <source>Kopiera koden</source>
        <translation>Copy the code</translation>
    </message>
    <message>
        <source>Kopiera länken</source>
        <translation>Copy the link</translation>
    </message>
    <message>
        <source>Kopiera QR-bilden</source>
        <translation>Copy the QR image</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>En kod kan gälla i högst 90 dagar.</source>
        <translation>A code can be valid for at most 90 days.</translation>
    </message>
    <message>
        <source>Skapar kod…</source>
        <translation>Creating code…</translation>
    </message>
    <message numerus="yes">
        <source>Kan användas av %n surfplattor. Gäller till {when}.</source>
        <translation>
            <numerusform>Can be used by 1 tablet. Valid until {when}.</numerusform>
            <numerusform>Can be used by %n tablets. Valid until {when}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnrolStrip</name>
    <message>
        <source>Koppla till kontoret</source>
        <translation>Connect to the office</translation>
    </message>
    <message>
        <source>Kod eller QR-kodens innehåll</source>
        <translation>Code or the QR code&apos;s content</translation>
    </message>
    <message>
        <source>Anslutningskod</source>
        <translation>Connection code</translation>
    </message>
    <message>
        <source>Koppla</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Senare</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Koppla senare</source>
        <translation>Connect later</translation>
    </message>
    <message>
        <source>Koden eller QR-koden från kontoret. Går också senare under Inställningar.</source>
        <translation>The code or QR code from the office. Can also be done later under Settings.</translation>
    </message>
    <message>
        <source>Kopplar när katalogen är klar…</source>
        <translation>Connecting when the catalogue is ready…</translation>
    </message>
    <message>
        <source>Ingen synkserver är inställd på surfplattan. Klistra in hela innehållet i kontorets QR-kod (kompassen://enrol?…), eller ange servern under Inställningar.</source>
        <translation>No sync server is set on the tablet. Paste the whole content of the office&apos;s QR code (kompassen://enrol?…), or set the server under Settings.</translation>
    </message>
    <message>
        <source>Inställningarna kunde inte sparas: {why}</source>
        <translation>The settings could not be saved: {why}</translation>
    </message>
    <message>
        <source>Kopplar…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Det gick inte att koppla: {why}</source>
        <translation>Could not connect: {why}</translation>
    </message>
    <message>
        <source>Kopplad till kontoret som enhet {id}.</source>
        <translation>Connected to the office as device {id}.</translation>
    </message>
</context>
<context>
    <name>ExceptionRow</name>
    <message>
        <source>Stängt hela dagen</source>
        <translation>Closed all day</translation>
    </message>
    <message>
        <source>Varför (visas för fältarbetarna), t.ex. Personalfest</source>
        <translation>Why (shown to the field workers), e.g. Staff party</translation>
    </message>
    <message>
        <source>Ta bort undantaget</source>
        <translation>Remove the exception</translation>
    </message>
    <message>
        <source>Datum för undantaget</source>
        <translation>Date of the exception</translation>
    </message>
</context>
<context>
    <name>FieldWindow</name>
    <message>
        <source>Sök</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Platser</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Lösningar</source>
        <translation>Solutions</translation>
    </message>
    <message>
        <source>Rapporter</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Inställningar</source>
        <translation>Settings</translation>
    </message>
    <message numerus="yes">
        <source>{name} · %n tjänster · katalogversion {v}</source>
        <translation>
            <numerusform>{name} · %n service · catalogue version {v}</numerusform>
            <numerusform>{name} · %n services · catalogue version {v}</numerusform>
        </translation>
    </message>
    <message>
        <source>Katalogen är uppdaterad (version {v}).</source>
        <translation>The catalogue is updated (version {v}).</translation>
    </message>
    <message>
        <source>Håll fingret här för att öppna inställningarna</source>
        <translation>Hold your finger here to open the settings</translation>
    </message>
    <message>
        <source>Håll kvar för att öppna inställningarna…</source>
        <translation>Keep holding to open the settings…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Behov</source>
        <translation>Need</translation>
    </message>
    <message>
        <source>Grupp</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Sök i texten</source>
        <translation>Search the text</translation>
    </message>
    <message>
        <source>Ord i rapporten eller platsen</source>
        <translation>Words in the report or the place</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Från och med</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Till och med</source>
        <translation>To (inclusive)</translation>
    </message>
    <message>
        <source>Sparade filter</source>
        <translation>Saved filters</translation>
    </message>
    <message>
        <source>Namn på filtret</source>
        <translation>Name of the filter</translation>
    </message>
    <message>
        <source>Spara filter</source>
        <translation>Save filter</translation>
    </message>
    <message>
        <source>Ta bort filter</source>
        <translation>Delete filter</translation>
    </message>
    <message>
        <source>Alla öppna</source>
        <translation>All open</translation>
    </message>
    <message>
        <source>Alla</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Skriv vad du ser eller vad personen behöver, t.ex. ”tjej 15 sover ute”</source>
        <translation>Type what you see or what the person needs, e.g. “girl 15 sleeping rough”</translation>
    </message>
    <message>
        <source>Sök</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Rensa allt</source>
        <translation>Clear all</translation>
    </message>
    <message>
        <source>Rensa allt: text, val och tid</source>
        <translation>Clear all: text, choices and time</translation>
    </message>
    <message>
        <source>Öppet nu</source>
        <translation>Open now</translation>
    </message>
    <message>
        <source>Öppet i natt</source>
        <translation>Open tonight</translation>
    </message>
    <message>
        <source>Välj tid…</source>
        <translation>Pick a time…</translation>
    </message>
    <message>
        <source>Bara öppna</source>
        <translation>Open only</translation>
    </message>
    <message>
        <source>Nära:</source>
        <translation>Near:</translation>
    </message>
    <message>
        <source>Nära: välj plats</source>
        <translation>Near: choose a place</translation>
    </message>
    <message>
        <source>Vem har du träffat?</source>
        <translation>Who did you meet?</translation>
    </message>
    <message>
        <source>Vad behöver personen?</source>
        <translation>What does the person need?</translation>
    </message>
    <message>
        <source>Känns igen i texten:</source>
        <translation>Recognised in the text:</translation>
    </message>
    <message>
        <source>Inga filter valda</source>
        <translation>No filters chosen</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>Valen visas. Tryck för att dölja dem och se träffarna.</source>
        <translation>The choices are shown. Tap to hide them and see the results.</translation>
    </message>
    <message>
        <source>Valen är dolda. Tryck för att visa dem.</source>
        <translation>The choices are hidden. Tap to show them.</translation>
    </message>
    <message>
        <source>Välj tid</source>
        <translation>Pick a time</translation>
    </message>
    <message numerus="yes">
        <source>{label}, %n träffar</source>
        <translation>
            <numerusform>{label}, %n result</numerusform>
            <numerusform>{label}, %n results</numerusform>
        </translation>
    </message>
    <message>
        <source>Lägg till val: {label}</source>
        <translation>Add choice: {label}</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Ny driftsättning – {area}</source>
        <translation>New deployment – {area}</translation>
    </message>
    <message>
        <source>Nästa &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; Tillbaka</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Slutför</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Nyckelfilen {file} är skapad, men området har ännu inte fått nycklarna. Fortsätt här, eller tryck Avbryt igen för att sluta: nästa gång Ny driftsättning körs kan du fortsätta med samma nyckelfil.</source>
        <translation>The key file {file} is created, but the area does not have the keys yet. Continue here, or press Cancel again to stop: the next time New deployment runs you can continue with the same key file.</translation>
    </message>
    <message>
        <source>Ny driftsättning…</source>
        <translation>New deployment…</translation>
    </message>
</context>
<context>
    <name>GuidesPage</name>
    <message>
        <source>Välj situationen du står i för att se vad du kan göra.</source>
        <translation>Choose the situation you are in to see what you can do.</translation>
    </message>
    <message>
        <source>Tryck eller tryck Enter för att öppna</source>
        <translation>Tap or press Enter to open</translation>
    </message>
    <message>
        <source>mån</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>tis</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>ons</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>tor</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>fre</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>lör</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>sön</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>alla dagar</source>
        <translation>every day</translation>
    </message>
    <message>
        <source>{days} hela dygnet</source>
        <translation>{days} round the clock</translation>
    </message>
    <message>
        <source>Lösningar</source>
        <translation>Solutions</translation>
    </message>
    <message>
        <source>← Alla lösningar</source>
        <translation>← All solutions</translation>
    </message>
    <message>
        <source>Tillbaka till alla lösningar</source>
        <translation>Back to all solutions</translation>
    </message>
    <message>
        <source>Vald lösning</source>
        <translation>Selected solution</translation>
    </message>
    <message>
        <source>Välj en lösning i listan.</source>
        <translation>Choose a solution from the list.</translation>
    </message>
    <message>
        <source>Målgrupp: {terms}</source>
        <translation>Target group: {terms}</translation>
    </message>
    <message>
        <source>Behov: {terms}</source>
        <translation>Needs: {terms}</translation>
    </message>
    <message>
        <source>Gör så här</source>
        <translation>What to do</translation>
    </message>
    <message>
        <source>Steg {n}</source>
        <translation>Step {n}</translation>
    </message>
    <message>
        <source>Gäller nu</source>
        <translation>Applies now</translation>
    </message>
    <message>
        <source>Gäller inte nu</source>
        <translation>Does not apply now</translation>
    </message>
    <message>
        <source>Gäller alltid</source>
        <translation>Always applies</translation>
    </message>
    <message>
        <source>{name} (inaktiv)</source>
        <translation>{name} (inactive)</translation>
    </message>
    <message>
        <source>{name} (stängd)</source>
        <translation>{name} (closed)</translation>
    </message>
    <message>
        <source>{name} (tillfälligt stängd till {day})</source>
        <translation>{name} (temporarily closed until {day})</translation>
    </message>
    <message>
        <source>{name} (tillfälligt stängd)</source>
        <translation>{name} (temporarily closed)</translation>
    </message>
    <message>
        <source>Öppna {name}</source>
        <translation>Open {name}</translation>
    </message>
    <message>
        <source>okänt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Senast kontrollerad: {when}</source>
        <translation>Last checked: {when}</translation>
    </message>
    <message>
        <source>Källor: {sources}</source>
        <translation>Sources: {sources}</translation>
    </message>
</context>
<context>
    <name>HoursEditor</name>
    <message>
        <source>Öppettider</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <source>Tider per veckodag</source>
        <translation>Times per weekday</translation>
    </message>
    <message>
        <source>Dygnet runt, alla dagar</source>
        <translation>Round the clock, every day</translation>
    </message>
    <message>
        <source>Tiderna är okända</source>
        <translation>The times are not known</translation>
    </message>
    <message>
        <source>Samma tider tisdag–fredag som måndag</source>
        <translation>Same times Tuesday–Friday as Monday</translation>
    </message>
    <message>
        <source>Röda dagar och aftnar</source>
        <translation>Public holidays and eves</translation>
    </message>
    <message>
        <source>Röda dagar (t.ex. juldagen, 1 maj):</source>
        <translation>Public holidays (e.g. Christmas Day, 1 May):</translation>
    </message>
    <message>
        <source>Aftnar (julafton, nyårsafton, midsommarafton, påskafton):</source>
        <translation>Eves (Christmas Eve, New Year&apos;s Eve, Midsummer Eve, Easter Eve):</translation>
    </message>
    <message>
        <source>Stängt</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Som en söndag</source>
        <translation>Like a Sunday</translation>
    </message>
    <message>
        <source>Som vanligt</source>
        <translation>As usual</translation>
    </message>
    <message>
        <source>Som en lördag</source>
        <translation>Like a Saturday</translation>
    </message>
    <message>
        <source>Undantag för enstaka datum</source>
        <translation>Exceptions for single dates</translation>
    </message>
    <message>
        <source>+ Lägg till ett datum</source>
        <translation>+ Add a date</translation>
    </message>
    <message>
        <source>Källans egna ord om tiderna</source>
        <translation>The source&apos;s own words about the times</translation>
    </message>
    <message>
        <source>t.ex. ”Kvällar och helger, ring först”</source>
        <translation>e.g. “Evenings and weekends, call first”</translation>
    </message>
    <message>
        <source>Så blir veckan</source>
        <translation>How the week looks</translation>
    </message>
    <message>
        <source>Veckan med</source>
        <translation>Week of</translation>
    </message>
    <message>
        <source>De sparade öppettiderna går inte att läsa ({why}). Skriv in dem på nytt.</source>
        <translation>The saved opening hours cannot be read ({why}). Enter them again.</translation>
    </message>
    <message>
        <source>stängt</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>Rätta tiderna för att se veckan.</source>
        <translation>Correct the times to see the week.</translation>
    </message>
    <message>
        <source>okänt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Utan tider räknas öppettiderna som okända.</source>
        <translation>Without times, the opening hours count as unknown.</translation>
    </message>
    <message>
        <source>Öppettiderna är okända</source>
        <translation>Opening hours are not known</translation>
    </message>
    <message>
        <source>Öppet nu – dygnet runt</source>
        <translation>Open now – round the clock</translation>
    </message>
    <message>
        <source>Öppet nu – stänger {t}</source>
        <translation>Open now – closes {t}</translation>
    </message>
    <message>
        <source>Öppet nu – {text}</source>
        <translation>Open now – {text}</translation>
    </message>
    <message>
        <source>Stängt nu</source>
        <translation>Closed now</translation>
    </message>
    <message>
        <source>Stängt nu – {text}</source>
        <translation>Closed now – {text}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Importera HSDS</source>
        <translation>Import HSDS</translation>
    </message>
    <message>
        <source>Läs in HSDS-data (datapackage.json eller en mapp med CSV-filer). Du ser importrapporten innan något installeras.</source>
        <translation>Read HSDS data (datapackage.json or a folder of CSV files). You see the import report before anything is installed.</translation>
    </message>
    <message>
        <source>HSDS-data</source>
        <translation>HSDS data</translation>
    </message>
    <message>
        <source>Sökväg till HSDS-datat</source>
        <translation>Path to the HSDS data</translation>
    </message>
    <message>
        <source>Välj JSON-fil…</source>
        <translation>Choose JSON file…</translation>
    </message>
    <message>
        <source>Välj en datapackage-fil (JSON)</source>
        <translation>Choose a datapackage file (JSON)</translation>
    </message>
    <message>
        <source>Välj CSV-mapp…</source>
        <translation>Choose CSV folder…</translation>
    </message>
    <message>
        <source>Välj en mapp med CSV-filer</source>
        <translation>Choose a folder of CSV files</translation>
    </message>
    <message>
        <source>Som nytt område</source>
        <translation>As a new area</translation>
    </message>
    <message>
        <source>Id (a–z, 0–9, -)</source>
        <translation>ID (a–z, 0–9, -)</translation>
    </message>
    <message>
        <source>Det nya områdets id</source>
        <translation>The new area&apos;s ID</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Det nya områdets namn</source>
        <translation>The new area&apos;s name</translation>
    </message>
    <message>
        <source>Ersätt det installerade området</source>
        <translation>Replace the installed area</translation>
    </message>
    <message>
        <source>Området som ersätts</source>
        <translation>The area to replace</translation>
    </message>
    <message>
        <source>Strikt: avvisa allt vid minsta fel</source>
        <translation>Strict: refuse everything at the slightest error</translation>
    </message>
    <message>
        <source>Läs in och visa rapporten</source>
        <translation>Read and show the report</translation>
    </message>
    <message>
        <source>Importrapport</source>
        <translation>Import report</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Installera</source>
        <translation>Install</translation>
    </message>
    <message>
        <source>Välj HSDS-datat</source>
        <translation>Choose the HSDS data</translation>
    </message>
    <message>
        <source>HSDS datapackage (*.json)</source>
        <translation>HSDS datapackage (*.json)</translation>
    </message>
    <message>
        <source>Läser och kontrollerar HSDS-datat…</source>
        <translation>Reading and checking the HSDS data…</translation>
    </message>
    <message>
        <source>Inget är installerat ännu: välj Installera för att installera.</source>
        <translation>Nothing is installed yet: choose Install to install.</translation>
    </message>
    <message>
        <source>Importrapporten är klar; inget är installerat ännu.</source>
        <translation>The import report is ready; nothing is installed yet.</translation>
    </message>
    <message>
        <source>HSDS-datat kan inte importeras; ingenting ändrades.</source>
        <translation>The HSDS data cannot be imported; nothing was changed.</translation>
    </message>
    <message>
        <source>Importen misslyckades; ingenting ändrades.</source>
        <translation>The import failed; nothing was changed.</translation>
    </message>
    <message>
        <source>Läser HSDS-datat…</source>
        <translation>Reading the HSDS data…</translation>
    </message>
    <message numerus="yes">
        <source>{area} installerades från HSDS: %n tjänster.</source>
        <translation>
            <numerusform>{area} was installed from HSDS: 1 service.</numerusform>
            <numerusform>{area} was installed from HSDS: %n services.</numerusform>
        </translation>
    </message>
    <message>
        <source>Installationen misslyckades:</source>
        <translation>The installation failed:</translation>
    </message>
    <message>
        <source>Installationen misslyckades; ingenting ändrades.</source>
        <translation>The installation failed; nothing was changed.</translation>
    </message>
    <message>
        <source>Installerar…</source>
        <translation>Installing…</translation>
    </message>
    <message>
        <source>Installerar {area}…</source>
        <translation>Installing {area}…</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Rapporter</source>
        <extracomment>the editor should open a new guide with these fields (the report is already linked)</extracomment>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Hämta nya rapporter</source>
        <translation>Fetch new reports</translation>
    </message>
    <message>
        <source>Öppna rapporterna…</source>
        <translation>Open the reports…</translation>
    </message>
    <message>
        <source>Ändra status…</source>
        <translation>Change status…</translation>
    </message>
    <message>
        <source>Gör en lösning av detta</source>
        <translation>Make a solution of this</translation>
    </message>
    <message>
        <source>Rapporterna är krypterade. Öppna dem med områdets nyckelfil.</source>
        <translation>The reports are encrypted. Open them with the area&apos;s key file.</translation>
    </message>
    <message numerus="yes">
        <source>%n rapporter</source>
        <translation>
            <numerusform>1 report</numerusform>
            <numerusform>%n reports</numerusform>
        </translation>
    </message>
    <message>
        <source>Rapporterna öppnas med områdets nyckel. Skriv nyckelfilens lösenfras (den glöms efter en stunds overksamhet).</source>
        <translation>The reports are opened with the area&apos;s key. Type the key file&apos;s passphrase (it is forgotten after a while of inactivity).</translation>
    </message>
    <message>
        <source>Hämtar och öppnar rapporterna…</source>
        <translation>Fetching and opening the reports…</translation>
    </message>
    <message>
        <source>Inte inloggad: rapporterna som redan hämtats visas.</source>
        <translation>Not signed in: the reports already fetched are shown.</translation>
    </message>
    <message numerus="yes">
        <source>%n nya rapporter hämtade.</source>
        <translation>
            <numerusform>1 new report fetched.</numerusform>
            <numerusform>%n new reports fetched.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gick inte att öppna.</source>
        <translation>
            <numerusform>1 could not be opened.</numerusform>
            <numerusform>%n could not be opened.</numerusform>
        </translation>
    </message>
    <message>
        <source>Öppna rapporterna med nyckelfilen först.</source>
        <translation>Open the reports with the key file first.</translation>
    </message>
    <message numerus="yes">
        <source>%n rapporter har fått status {state}.</source>
        <translation>
            <numerusform>1 report now has the status {state}.</numerusform>
            <numerusform>%n reports now have the status {state}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rapporter blev lösta av släppet.</source>
        <translation>
            <numerusform>1 report was solved by the release.</numerusform>
            <numerusform>%n reports were solved by the release.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InstallProgress</name>
    <message>
        <source>Förbereder surfplattan…</source>
        <translation>Preparing the tablet…</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>Installation</translation>
    </message>
    <message>
        <source>Hur långt installationen har kommit</source>
        <translation>How far the installation has come</translation>
    </message>
    <message>
        <source>Installerar {name} … {index} av {count}</source>
        <translation>Installing {name} … {index} of {count}</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <source>Fingeravtryck</source>
        <translation>Fingerprints</translation>
    </message>
    <message>
        <source>Rapportnyckel (öppnar rapporter)</source>
        <translation>Report key (opens reports)</translation>
    </message>
    <message>
        <source>Signeringsnyckel (signerar släpp)</source>
        <translation>Signing key (signs releases)</translation>
    </message>
    <message>
        <source>Området och servern</source>
        <translation>The area and the server</translation>
    </message>
    <message>
        <source>Försök igen</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Registrera på servern</source>
        <translation>Register on the server</translation>
    </message>
    <message>
        <source>Byt nyckeln på servern</source>
        <translation>Replace the key on the server</translation>
    </message>
    <message>
        <source>Säkerhetskopiera nyckelfilen</source>
        <translation>Back up the key file</translation>
    </message>
    <message>
        <source>Jag har sparat en kopia</source>
        <translation>I have saved a copy</translation>
    </message>
    <message>
        <source>✓ Nyckelfilen är skapad: {file}</source>
        <translation>✓ The key file is created: {file}</translation>
    </message>
    <message>
        <source>✓ Nyckelfilen är öppnad: {file}</source>
        <translation>✓ The key file is open: {file}</translation>
    </message>
    <message>
        <source>Skriver in de publika nycklarna i området…</source>
        <translation>Writing the public keys into the area…</translation>
    </message>
    <message>
        <source>✓ Områdets publika nycklar är bytta (syns i ändringshistoriken). Surfplattorna får dem med nästa områdespaket eller släpp.</source>
        <translation>✓ The area&apos;s public keys are replaced (shown in the change history). The tablets get them with the next area pack or release.</translation>
    </message>
    <message>
        <source>✓ Området har redan de här nycklarna.</source>
        <translation>✓ The area already has these keys.</translation>
    </message>
    <message>
        <source>Området har inte fått nycklarna: {why} Nyckelfilen finns kvar; tryck Försök igen.</source>
        <translation>The area did not get the keys: {why} The key file is kept; press Try again.</translation>
    </message>
    <message>
        <source>Signeringsnyckeln registreras på servern när området har den.</source>
        <translation>The signing key is registered on the server once the area has it.</translation>
    </message>
    <message>
        <source>Registrerar signeringsnyckeln på servern…</source>
        <translation>Registering the signing key on the server…</translation>
    </message>
    <message>
        <source>✓ Signeringsnyckeln är bytt på servern. Surfplattorna behöver ett nytt områdespaket med de nya nycklarna innan de tar emot nästa släpp.</source>
        <translation>✓ The signing key is replaced on the server. The tablets need a new area pack with the new keys before they accept the next release.</translation>
    </message>
    <message>
        <source>✓ Signeringsnyckeln är registrerad på servern.</source>
        <translation>✓ The signing key is registered on the server.</translation>
    </message>
    <message>
        <source>Inte inloggad: signeringsnyckeln är inte registrerad på servern. Logga in, så registreras den (eller kör Ny driftsättning igen senare med samma nyckelfil). Inget släpp kan publiceras innan dess.</source>
        <translation>Not signed in: the signing key is not registered on the server. Sign in and it will be registered (or run New deployment again later with the same key file). No release can be published before then.</translation>
    </message>
    <message>
        <source>✓ Servern hade redan den här signeringsnyckeln.</source>
        <translation>✓ The server already had this signing key.</translation>
    </message>
    <message>
        <source>Steg 3 av 3 · Nycklar och säkerhetskopia</source>
        <translation>Step 3 of 3 · Keys and backup</translation>
    </message>
    <message>
        <source>Fingeravtrycken är en kort kontroll av de publika nycklarna (samma som kommandot kompassen keys generate skriver ut): jämför dem när någon annan ska lita på nycklarna, till exempel IT vid servern.</source>
        <translation>The fingerprints are a short check of the public keys (the same as the command kompassen keys generate prints): compare them when someone else needs to trust the keys, for example IT at the server.</translation>
    </message>
    <message>
        <source>Servern tog inte emot signeringsnyckeln: {why}</source>
        <translation>The server did not accept the signing key: {why}</translation>
    </message>
    <message>
        <source>Byt bara om den gamla nyckelfilen är förlorad: surfplattorna litar på den gamla nyckeln tills de får ett områdespaket med den nya.</source>
        <translation>Only replace it if the old key file is lost: the tablets trust the old key until they get an area pack with the new one.</translation>
    </message>
    <message>
        <source>Bara en administratör kan byta den.</source>
        <translation>Only an administrator can replace it.</translation>
    </message>
    <message>
        <source>Slutför går när området har fått nycklarna.</source>
        <translation>Finish is possible once the area has the keys.</translation>
    </message>
    <message>
        <source>Kryssa i rutan när kopiorna är gjorda; sedan kan du slutföra.</source>
        <translation>Tick the box when the copies are made; then you can finish.</translation>
    </message>
</context>
<context>
    <name>LocationDelegate</name>
    <message>
        <source>Vid {landmark}, ingen exakt adress</source>
        <translation>At {landmark}, no exact address</translation>
    </message>
</context>
<context>
    <name>LocationModel</name>
    <message>
        <source>Övriga platser</source>
        <translation>Other places</translation>
    </message>
    <message>
        <source>Utan känd plats</source>
        <translation>No known location</translation>
    </message>
    <message numerus="yes">
        <source>%n platser</source>
        <translation>
            <numerusform>%n place</numerusform>
            <numerusform>%n places</numerusform>
        </translation>
    </message>
    <message>
        <source>Rubrik: {title}, {count}</source>
        <translation>Heading: {title}, {count}</translation>
    </message>
    <message>
        <source>Avstånd okänt</source>
        <translation>Distance unknown</translation>
    </message>
    <message>
        <source>ca {way}</source>
        <translation>approx. {way}</translation>
    </message>
</context>
<context>
    <name>LocationsPage</name>
    <message>
        <source>Skriv latitud och longitud som två tal, till exempel {example}.</source>
        <translation>Type latitude and longitude as two numbers, for example {example}.</translation>
    </message>
    <message>
        <source>Latitud ska vara mellan −90 och 90 och longitud mellan −180 och 180.</source>
        <translation>Latitude must be between −90 and 90 and longitude between −180 and 180.</translation>
    </message>
    <message>
        <source>Latitud och longitud verkar ha bytt plats – prova {pair}.</source>
        <translation>Latitude and longitude seem to be swapped – try {pair}.</translation>
    </message>
    <message>
        <source>Punkten ligger {km} km från {area}. Kontrollera koordinaterna.</source>
        <translation>The point is {km} km from {area}. Check the coordinates.</translation>
    </message>
    <message>
        <source>”{text}”</source>
        <translation>“{text}”</translation>
    </message>
    <message>
        <source>bara öppna</source>
        <translation>open only</translation>
    </message>
    <message>
        <source>Laddar platser…</source>
        <translation>Loading places…</translation>
    </message>
    <message>
        <source>Filtrerat: {filters}</source>
        <translation>Filtered: {filters}</translation>
    </message>
    <message>
        <source>söker …</source>
        <translation>searching …</translation>
    </message>
    <message>
        <source>filtret gick inte att använda: {error}</source>
        <translation>the filter could not be used: {error}</translation>
    </message>
    <message>
        <source>närmast först från {place}</source>
        <translation>nearest first from {place}</translation>
    </message>
    <message>
        <source>sorterar …</source>
        <translation>sorting …</translation>
    </message>
    <message>
        <source>Inga platser med adress matchar filtren.</source>
        <translation>No places with an address match the filters.</translation>
    </message>
    <message>
        <source>Området har inga platser med adress.</source>
        <translation>The area has no places with an address.</translation>
    </message>
    <message>
        <source>Från:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>Från plats</source>
        <translation>From place</translation>
    </message>
    <message>
        <source>Egen punkt</source>
        <translation>Custom point</translation>
    </message>
    <message>
        <source>lat, lon</source>
        <translation>lat, lon</translation>
    </message>
    <message>
        <source>Egen punkt: latitud, longitud</source>
        <translation>Custom point: latitude, longitude</translation>
    </message>
    <message>
        <source>Använd</source>
        <translation>Use</translation>
    </message>
    <message>
        <source>Använd koordinaterna</source>
        <translation>Use the coordinates</translation>
    </message>
    <message>
        <source>Visa alla</source>
        <translation>Show all</translation>
    </message>
    <message>
        <source>Visa alla platser, rensa filtren</source>
        <translation>Show all places, clear the filters</translation>
    </message>
    <message>
        <source>Platser, närmast först</source>
        <translation>Places, nearest first</translation>
    </message>
    <message>
        <source>Vilka filter som gäller</source>
        <translation>Active filters</translation>
    </message>
</context>
<context>
    <name>NewAreaDialog</name>
    <message>
        <source>Nytt område</source>
        <translation>New area</translation>
    </message>
    <message>
        <source>Ett tomt område med en landmärkespunkt i mitten. Tjänsterna lägger du till i Katalog. Området får platshållare för kontorsnycklarna: skapa riktiga nycklar innan den första publiceringen.</source>
        <translation>An empty area with a landmark point in the middle. You add the services in Catalogue. The area gets placeholders for the office keys: create real keys before the first publishing.</translation>
    </message>
    <message>
        <source>Id (a–z, 0–9, -)</source>
        <translation>ID (a–z, 0–9, -)</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Beskrivning (svenska)</source>
        <translation>Description (Swedish)</translation>
    </message>
    <message>
        <source>Beskrivning (engelska)</source>
        <translation>Description (English)</translation>
    </message>
    <message>
        <source>Mitt, latitud</source>
        <translation>Centre, latitude</translation>
    </message>
    <message>
        <source>Mitt, longitud</source>
        <translation>Centre, longitude</translation>
    </message>
    <message>
        <source>t.ex. solna</source>
        <translation>e.g. solna</translation>
    </message>
    <message>
        <source>t.ex. Solnakompassen</source>
        <translation>e.g. Solnakompassen</translation>
    </message>
    <message>
        <source>t.ex. Solna – centrum och Råsunda</source>
        <translation>e.g. Solna – centre and Råsunda</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Skapa området</source>
        <translation>Create the area</translation>
    </message>
    <message>
        <source>Meddelande</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Området {area} skapades.</source>
        <translation>The area {area} was created.</translation>
    </message>
    <message>
        <source>Skapar området…</source>
        <translation>Creating the area…</translation>
    </message>
    <message>
        <source>Skapar området {area}…</source>
        <translation>Creating the area {area}…</translation>
    </message>
</context>
<context>
    <name>NoDialerDialog</name>
    <message>
        <source>Kan inte skicka sms</source>
        <translation>Cannot send texts</translation>
    </message>
    <message>
        <source>Den här enheten kan inte skicka sms. Skicka till numret från en telefon:</source>
        <translation>This device cannot send texts. Text the number from a phone:</translation>
    </message>
    <message>
        <source>Kan inte ringa</source>
        <translation>Cannot call</translation>
    </message>
    <message>
        <source>Den här enheten kan inte ringa. Ring numret från en telefon:</source>
        <translation>This device cannot make calls. Call the number from a phone:</translation>
    </message>
    <message>
        <source>Telefonnummer {n}</source>
        <translation>Phone number {n}</translation>
    </message>
    <message>
        <source>Kopiera</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Kopiera {n}</source>
        <translation>Copy {n}</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Numret {n} är kopierat.</source>
        <translation>Number {n} copied.</translation>
    </message>
</context>
<context>
    <name>OfficeWhen</name>
    <message>
        <source>aldrig</source>
        <translation>never</translation>
    </message>
    <message>
        <source>i dag {time}</source>
        <translation>today {time}</translation>
    </message>
    <message>
        <source>i går {time}</source>
        <translation>yesterday {time}</translation>
    </message>
    <message>
        <source>i morgon {time}</source>
        <translation>tomorrow {time}</translation>
    </message>
</context>
<context>
    <name>OfficeWindow</name>
    <message>
        <source>Arbetslista</source>
        <translation>Worklist</translation>
    </message>
    <message>
        <source>Rapporter</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Statistik</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>Katalog</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>Publicera</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>Enheter</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Områden</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>Logg</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Användare</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Loggar in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Inloggningen har gått ut. Logga in igen.</source>
        <translation>The sign-in has expired. Sign in again.</translation>
    </message>
    <message>
        <source>Inte inloggad</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>Logga in…</source>
        <translation>Sign in…</translation>
    </message>
    <message>
        <source>Inloggad som {user} ({role}) på {server}</source>
        <translation>Signed in as {user} ({role}) on {server}</translation>
    </message>
    <message>
        <source>Logga ut</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>administratör</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>samordnare</source>
        <translation>coordinator</translation>
    </message>
    <message>
        <source>Kompassen kontor – {area}</source>
        <translation>Kompassen office – {area}</translation>
    </message>
    <message>
        <source>Sidor</source>
        <translation>Pages</translation>
    </message>
</context>
<context>
    <name>OutboxCard</name>
    <message>
        <source>{kind} · skriven {time}</source>
        <translation>{kind} · written {time}</translation>
    </message>
    <message>
        <source>Försök igen</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Försök skicka {kind} igen</source>
        <translation>Try sending {kind} again</translation>
    </message>
    <message>
        <source>Skickad {time}</source>
        <translation>Sent {time}</translation>
    </message>
    <message>
        <source>Skickas…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>servern sa inte varför</source>
        <translation>the server did not say why</translation>
    </message>
    <message>
        <source>Avvisad: {why}</source>
        <translation>Refused: {why}</translation>
    </message>
    <message>
        <source>Väntar</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Blev en lösning: {text}</source>
        <translation>Became a solution: {text}</translation>
    </message>
    <message>
        <source>Löst: {text}</source>
        <translation>Solved: {text}</translation>
    </message>
    <message>
        <source>Går inte att åtgärda: {text}</source>
        <translation>Not actionable: {text}</translation>
    </message>
    <message>
        <source>Behöver mer information: {text}</source>
        <translation>Needs more information: {text}</translation>
    </message>
    <message>
        <source>Pågår: {text}</source>
        <translation>In progress: {text}</translation>
    </message>
    <message numerus="yes">
        <source>%n försök</source>
        <translation>
            <numerusform>1 attempt</numerusform>
            <numerusform>%n attempts</numerusform>
        </translation>
    </message>
    <message>
        <source>{tries} · senaste felet: {error}</source>
        <translation>{tries} · last error: {error}</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Öppna nyckelfilen</source>
        <extracomment>how long opened keys are kept without use before they are forgotten (ms)</extracomment>
        <translation>Open the key file</translation>
    </message>
    <message>
        <source>Nyckelfil</source>
        <translation>Key file</translation>
    </message>
    <message>
        <source>Välj…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Lösenfras</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Öppna</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Välj nyckelfilen</source>
        <translation>Choose the key file</translation>
    </message>
    <message>
        <source>Välj nyckelfilen först.</source>
        <translation>Choose the key file first.</translation>
    </message>
    <message>
        <source>Öppnar nyckelfilen…</source>
        <translation>Opening the key file…</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Lösenfras</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Skapa nycklarna</source>
        <translation>Create the keys</translation>
    </message>
    <message>
        <source>Steg 2 av 3 · Lösenfras</source>
        <translation>Step 2 of 3 · Passphrase</translation>
    </message>
    <message>
        <source>Samma lösenfras igen</source>
        <translation>The same passphrase again</translation>
    </message>
    <message>
        <source>Öppna nyckelfilen</source>
        <translation>Open the key file</translation>
    </message>
    <message>
        <source>Skriv lösenfrasen för den befintliga nyckelfilen.</source>
        <translation>Type the passphrase of the existing key file.</translation>
    </message>
    <message>
        <source>Lösenfrasen skyddar nyckelfilen. Välj några ord som du minns men som ingen annan gissar, och skriv dem två gånger.</source>
        <translation>The passphrase protects the key file. Choose a few words that you remember but nobody else would guess, and type them twice.</translation>
    </message>
    <message>
        <source>Öppnar nyckelfilen…</source>
        <translation>Opening the key file…</translation>
    </message>
    <message>
        <source>Skapar nycklarna…</source>
        <translation>Creating the keys…</translation>
    </message>
</context>
<context>
    <name>PlacePage</name>
    <message>
        <source>Steg 1 av 3 · Nyckelfilen</source>
        <translation>Step 1 of 3 · The key file</translation>
    </message>
    <message>
        <source>Ny driftsättning skapar områdets egna nycklar: en för att öppna rapporterna från surfplattorna och en för att signera katalogsläppen. De privata nycklarna sparas i en nyckelfil som skyddas av en lösenfras. De publika nycklarna skrivs in i området och signeringsnyckeln registreras på servern.</source>
        <translation>New deployment creates the area&apos;s own keys: one to open the reports from the tablets and one to sign the catalogue releases. The private keys are saved in a key file protected by a passphrase. The public keys are written into the area and the signing key is registered on the server.</translation>
    </message>
    <message>
        <source>Mapp för nyckelfilen</source>
        <translation>Folder for the key file</translation>
    </message>
    <message>
        <source>Välj…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Fortsätt med den befintliga nyckelfilen</source>
        <translation>Continue with the existing key file</translation>
    </message>
    <message>
        <source>Välj mapp</source>
        <translation>Choose folder</translation>
    </message>
    <message>
        <source>Välj en mapp för nyckelfilen.</source>
        <translation>Choose a folder for the key file.</translation>
    </message>
    <message>
        <source>I mappen finns redan en nyckelfil ({files}). Den skrivs aldrig över. Välj en annan mapp, eller fortsätt med den om en tidigare körning av Ny driftsättning skapade den (dess lösenfras behövs).</source>
        <translation>The folder already has a key file ({files}). It is never written over. Choose another folder, or continue with it if an earlier run of New deployment created it (its passphrase is needed).</translation>
    </message>
    <message>
        <source>Nyckelfilen sparas här. Välj gärna en mapp som bara du kommer åt; kopiorna gör du i sista steget.</source>
        <translation>The key file is saved here. Preferably choose a folder only you can access; you make the copies in the last step.</translation>
    </message>
</context>
<context>
    <name>PublishPage</name>
    <message>
        <source>hela posten</source>
        <translation>the whole record</translation>
    </message>
    <message>
        <source>Området har ännu platshållarnycklar: skapa områdets nycklar först (Ny driftsättning…) och spara.</source>
        <translation>The area still has placeholder keys: create the area&apos;s keys first (New deployment…) and save.</translation>
    </message>
    <message>
        <source>Inget släpp från det här kontoret finns sparat: ändringarna visas mot området som det levererades med appen, det surfplattorna har innan de fått ett släpp.</source>
        <translation>No release from this office is saved: the changes are shown against the area as it came with the app, which is what the tablets have before they get a release.</translation>
    </message>
    <message>
        <source>Publicera {area}</source>
        <extracomment>after a publish: the guides the release holds, key → (title sv, title en) (the inbox marks the reports linked to them solved)</extracomment>
        <translation>Publish {area}</translation>
    </message>
    <message>
        <source>Uppdatera</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Signera och publicera</source>
        <translation>Sign and publish</translation>
    </message>
    <message>
        <source>Det här ändras för surfplattorna</source>
        <translation>What changes for the tablets</translation>
    </message>
    <message>
        <source>Kontroll av hela området</source>
        <translation>Check of the whole area</translation>
    </message>
    <message>
        <source>Surfplattorna</source>
        <translation>The tablets</translation>
    </message>
    <message>
        <source>Surfplatta</source>
        <translation>Tablet</translation>
    </message>
    <message>
        <source>Släpp</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Senast synkad</source>
        <translation>Last synced</translation>
    </message>
    <message>
        <source>Jämför med det senaste släppet…</source>
        <translation>Comparing with the latest release…</translation>
    </message>
    <message>
        <source>Inget har ändrats sedan det senaste släppet.</source>
        <translation>Nothing has changed since the latest release.</translation>
    </message>
    <message numerus="yes">
        <source>%n fel måste rättas innan området kan publiceras:</source>
        <translation>
            <numerusform>1 error must be corrected before the area can be published:</numerusform>
            <numerusform>%n errors must be corrected before the area can be published:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n poster ändras. Publicera: släppet signeras med områdets nyckel och surfplattorna hämtar det vid nästa synkning.</source>
        <translation>
            <numerusform>1 record changes. Publish: the release is signed with the area&apos;s key and the tablets fetch it at their next sync.</numerusform>
            <numerusform>%n records change. Publish: the release is signed with the area&apos;s key and the tablets fetch it at their next sync.</numerusform>
        </translation>
    </message>
    <message>
        <source>Området är utan fel.</source>
        <translation>The area has no errors.</translation>
    </message>
    <message>
        <source>Rätta felen först; sedan kan du publicera.</source>
        <translation>Correct the errors first; then you can publish.</translation>
    </message>
    <message>
        <source>Det finns inget nytt att publicera.</source>
        <translation>There is nothing new to publish.</translation>
    </message>
    <message>
        <source>Senaste släppet är nummer {v} ({when}). {behind} av {n} surfplattor har inte hämtat det än.</source>
        <translation>The latest release is number {v} ({when}). {behind} of {n} tablets have not fetched it yet.</translation>
    </message>
    <message>
        <source>Området har inget släpp på servern än.</source>
        <translation>The area has no release on the server yet.</translation>
    </message>
    <message>
        <source>spärrad</source>
        <translation>revoked</translation>
    </message>
    <message>
        <source>paketet {v}</source>
        <translation>pack {v}</translation>
    </message>
    <message>
        <source>aldrig</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Har inte hämtat det senaste släppet</source>
        <translation>Has not fetched the latest release</translation>
    </message>
    <message>
        <source>Släppet signeras med områdets privata nyckel. Skriv nyckelfilens lösenfras (den glöms efter en stunds overksamhet).</source>
        <translation>The release is signed with the area&apos;s private key. Type the key file&apos;s passphrase (it is forgotten after a while of inactivity).</translation>
    </message>
    <message>
        <source>Signerar och skickar släppet…</source>
        <translation>Signing and sending the release…</translation>
    </message>
    <message>
        <source>Släpp {v} är publicerat. Surfplattorna hämtar det vid nästa synkning.</source>
        <translation>Release {v} is published. The tablets fetch it at their next sync.</translation>
    </message>
</context>
<context>
    <name>QuitDialog</name>
    <message>
        <source>Avsluta Kompassen?</source>
        <translation>Quit Kompassen?</translation>
    </message>
    <message>
        <source>Surfplattan är i surfplatteläge. Stäng bara appen om du ska lämna tillbaka surfplattan eller starta om den.</source>
        <translation>The tablet is in tablet mode. Only close the app if you are handing the tablet back or restarting it.</translation>
    </message>
    <message>
        <source>Fortsätt använda Kompassen</source>
        <translation>Keep using Kompassen</translation>
    </message>
    <message>
        <source>Stäng inte appen</source>
        <translation>Do not close the app</translation>
    </message>
    <message>
        <source>Avsluta</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Avsluta Kompassen</source>
        <translation>Quit Kompassen</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>svenska</source>
        <translation>Swedish</translation>
    </message>
    <message>
        <source>engelska</source>
        <translation>English</translation>
    </message>
    <message>
        <source>– ingen källa –</source>
        <translation>– no source –</translation>
    </message>
    <message>
        <source>Skriv ett heltal.</source>
        <translation>Type a whole number.</translation>
    </message>
    <message>
        <source>Skriv ett tal, t.ex. 59.33.</source>
        <translation>Type a number, e.g. 59.33.</translation>
    </message>
    <message>
        <source>med komma emellan</source>
        <translation>separated by commas</translation>
    </message>
    <message>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>+ Lägg till</source>
        <translation>+ Add</translation>
    </message>
    <message>
        <source>Rätta öppettiderna först.</source>
        <translation>Correct the opening hours first.</translation>
    </message>
    <message>
        <source>– inte angivet –</source>
        <translation>– not given –</translation>
    </message>
    <message>
        <source>Inte angivet</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nej</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Annat namn</source>
        <translation>Other name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Stängt från (ÅÅÅÅ-MM-DD)</source>
        <translation>Closed from (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Stängt till och med</source>
        <translation>Closed until (inclusive)</translation>
    </message>
    <message>
        <source>Om statusen</source>
        <translation>About the status</translation>
    </message>
    <message>
        <source>Källa för statusen</source>
        <translation>Source for the status</translation>
    </message>
    <message>
        <source>Uppsökande, ingen fast plats</source>
        <translation>Outreach, no fixed place</translation>
    </message>
    <message>
        <source>Om området</source>
        <translation>About the area</translation>
    </message>
    <message>
        <source>Platser (id)</source>
        <translation>Places (ID)</translation>
    </message>
    <message>
        <source>Källa för platsen</source>
        <translation>Source for the place</translation>
    </message>
    <message>
        <source>Målgrupper</source>
        <translation>Target groups</translation>
    </message>
    <message>
        <source>Hjälper med</source>
        <translation>Helps with</translation>
    </message>
    <message>
        <source>Telefonnummer</source>
        <translation>Phone numbers</translation>
    </message>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Slag</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Etikett</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Behöver verifieras</source>
        <translation>Needs verifying</translation>
    </message>
    <message>
        <source>Webbsida</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Öppettider</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <source>Så lämnar du över</source>
        <translation>How to hand over</translation>
    </message>
    <message>
        <source>Sätt</source>
        <translation>Methods</translation>
    </message>
    <message>
        <source>Instruktioner</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <source>Lägsta ålder</source>
        <translation>Minimum age</translation>
    </message>
    <message>
        <source>Högsta ålder</source>
        <translation>Maximum age</translation>
    </message>
    <message>
        <source>Kön</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Går bra utan papper</source>
        <translation>OK without papers</translation>
    </message>
    <message>
        <source>Går bra påverkad</source>
        <translation>OK under the influence</translation>
    </message>
    <message>
        <source>Kräver remiss</source>
        <translation>Referral required</translation>
    </message>
    <message>
        <source>Språk</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Källor</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Källans datum</source>
        <translation>Source date</translation>
    </message>
    <message>
        <source>Senast kontrollerad</source>
        <translation>Last checked</translation>
    </message>
    <message>
        <source>Kontrollerad</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>Osäkert i uppgifterna</source>
        <translation>Uncertainties</translation>
    </message>
    <message>
        <source>Problemet</source>
        <translation>The problem</translation>
    </message>
    <message>
        <source>Steg</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Tjänster (id)</source>
        <translation>Services (ID)</translation>
    </message>
    <message>
        <source>Gäller när</source>
        <translation>Applies when</translation>
    </message>
    <message>
        <source>Dagar</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Från (TT:MM)</source>
        <translation>From (HH:MM)</translation>
    </message>
    <message>
        <source>Till (TT:MM)</source>
        <translation>To (HH:MM)</translation>
    </message>
    <message>
        <source>Tjänst (id)</source>
        <translation>Service (ID)</translation>
    </message>
    <message>
        <source>Visas från</source>
        <translation>Shown from</translation>
    </message>
    <message>
        <source>Upphör</source>
        <translation>Ends</translation>
    </message>
    <message>
        <source>Adress</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Gata</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Postnummer</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Ort</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Latitud</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Longitud</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Ungefärligt läge</source>
        <translation>Approximate location</translation>
    </message>
    <message>
        <source>Om läget</source>
        <translation>About the location</translation>
    </message>
    <message>
        <source>Landmärke (id)</source>
        <translation>Landmark (ID)</translation>
    </message>
    <message>
        <source>Andra namn</source>
        <translation>Other names</translation>
    </message>
    <message>
        <source>Veckotider</source>
        <translation>Weekly times</translation>
    </message>
    <message>
        <source>Öppnar</source>
        <translation>Opens</translation>
    </message>
    <message>
        <source>Stänger</source>
        <translation>Closes</translation>
    </message>
    <message>
        <source>Undantag</source>
        <translation>Exceptions</translation>
    </message>
    <message>
        <source>Dygnet runt</source>
        <translation>Round the clock</translation>
    </message>
    <message>
        <source>Röda dagar</source>
        <translation>Public holidays</translation>
    </message>
    <message>
        <source>Aftnar</source>
        <translation>Eves</translation>
    </message>
    <message>
        <source>Stängt</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Aktiv</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Inte i gång just nu</source>
        <translation>Not running at the moment</translation>
    </message>
    <message>
        <source>Nedlagd</source>
        <translation>Discontinued</translation>
    </message>
    <message>
        <source>Tillfälligt stängd</source>
        <translation>Temporarily closed</translation>
    </message>
    <message>
        <source>Stängd</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Växel</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <source>Stödlinje</source>
        <translation>Helpline</translation>
    </message>
    <message>
        <source>För yrkesverksamma</source>
        <translation>For professionals</translation>
    </message>
    <message>
        <source>Akut</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Sms</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Annat</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Alla</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Kvinnor</source>
        <translation>Women</translation>
    </message>
    <message>
        <source>Män</source>
        <translation>Men</translation>
    </message>
</context>
<context>
    <name>ReportDetail</name>
    <message>
        <source>Historik</source>
        <translation>History</translation>
    </message>
    <message>
        <source>När</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Vem</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Länk</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Rapportens historik</source>
        <translation>The report&apos;s history</translation>
    </message>
    <message>
        <source>Välj en rapport i listan.</source>
        <translation>Choose a report from the list.</translation>
    </message>
    <message>
        <source>Rapport {id} · {state}</source>
        <translation>Report {id} · {state}</translation>
    </message>
    <message>
        <source>Hände</source>
        <translation>Happened</translation>
    </message>
    <message>
        <source>Skapad</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Mottagen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Landmärke</source>
        <translation>Landmark</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Behov</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>Grupper</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Verksamhet</source>
        <translation>Service</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Rapportera</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Rapporten går krypterad till kontoret. Skriv vad som hände, inte vem det gällde.</source>
        <translation>The report goes encrypted to the office. Write what happened, not who it was about.</translation>
    </message>
    <message>
        <source>Vad gäller rapporten?</source>
        <translation>What is the report about?</translation>
    </message>
    <message>
        <source>Typ: {name}</source>
        <translation>Type: {name}</translation>
    </message>
    <message>
        <source>Var?</source>
        <translation>Where?</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Beskriv platsen, t.ex. ”bakom busskuren”</source>
        <translation>Describe the place, e.g. “behind the bus shelter”</translation>
    </message>
    <message>
        <source>Annan plats: beskriv platsen</source>
        <translation>Other place: describe the place</translation>
    </message>
    <message>
        <source>När?</source>
        <translation>When?</translation>
    </message>
    <message>
        <source>Nu</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>För 30 min sedan</source>
        <translation>30 min ago</translation>
    </message>
    <message>
        <source>Välj tid…</source>
        <translation>Pick a time…</translation>
    </message>
    <message>
        <source>Tid: {t}</source>
        <translation>Time: {t}</translation>
    </message>
    <message>
        <source>Datum och tid</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>−15 min</source>
        <translation>−15 min</translation>
    </message>
    <message>
        <source>15 minuter tidigare</source>
        <translation>15 minutes earlier</translation>
    </message>
    <message>
        <source>+15 min</source>
        <translation>+15 min</translation>
    </message>
    <message>
        <source>15 minuter senare</source>
        <translation>15 minutes later</translation>
    </message>
    <message>
        <source>Vem gäller det?</source>
        <translation>Who is it about?</translation>
    </message>
    <message>
        <source>Vad behövs?</source>
        <translation>What is needed?</translation>
    </message>
    <message>
        <source>Beskriv</source>
        <translation>Describe</translation>
    </message>
    <message>
        <source>Vad hände, vad saknades? Inga namn, inga personnummer.</source>
        <translation>What happened, what was missing? No names, no ID numbers.</translation>
    </message>
    <message>
        <source>Rapportens text</source>
        <translation>Report text</translation>
    </message>
    <message>
        <source>Maskera</source>
        <translation>Mask</translation>
    </message>
    <message>
        <source>Maskera uppgifterna som pekar ut personen</source>
        <translation>Mask the details that identify the person</translation>
    </message>
    <message>
        <source>Texten ser ut att innehålla {what}. Skicka ändå?</source>
        <translation>The text seems to contain {what}. Send anyway?</translation>
    </message>
    <message>
        <source>Skicka ändå</source>
        <translation>Send anyway</translation>
    </message>
    <message>
        <source>Skicka rapporten ändå, utan att maskera uppgifterna</source>
        <translation>Send the report anyway, without masking the details</translation>
    </message>
    <message>
        <source>Gäller en tjänst (valfritt)</source>
        <translation>About a service (optional)</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Ta bort kopplingen till tjänsten</source>
        <translation>Remove the link to the service</translation>
    </message>
    <message>
        <source>Sök tjänst att koppla</source>
        <translation>Search for a service to link</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Avbryt och spara utkastet</source>
        <translation>Cancel and save the draft</translation>
    </message>
    <message>
        <source>Skicka</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Skicka rapporten</source>
        <translation>Send the report</translation>
    </message>
    <message>
        <source>Fortsätt på utkastet</source>
        <translation>Continue draft</translation>
    </message>
    <message>
        <source>Fortsätt det senaste utkastet</source>
        <translation>Continue the latest draft</translation>
    </message>
    <message>
        <source>Ny rapport</source>
        <translation>New report</translation>
    </message>
    <message>
        <source>Börja en ny rapport</source>
        <translation>Start a new report</translation>
    </message>
    <message>
        <source>Ingen särskild plats</source>
        <translation>No particular place</translation>
    </message>
    <message>
        <source>Annan plats…</source>
        <translation>Other place…</translation>
    </message>
    <message>
        <source>Vill du fortsätta på ditt utkast? {s}</source>
        <translation>Continue your draft? {s}</translation>
    </message>
    <message>
        <source>Utkastet kunde inte sparas</source>
        <translation>The draft could not be saved</translation>
    </message>
    <message>
        <source>Utkast sparat {t}</source>
        <translation>Draft saved {t}</translation>
    </message>
    <message>
        <source>Tidpunkt: {d} kl. {t}</source>
        <translation>Time: {d} at {t}</translation>
    </message>
    <message>
        <source>{n} av {max} tecken</source>
        <translation>{n} of {max} characters</translation>
    </message>
    <message>
        <source>Texten verkar innehålla uppgifter som pekar ut en person: {what}. Skriv inte ut vem personen är.</source>
        <translation>The text seems to contain details that identify a person: {what}. Do not write who the person is.</translation>
    </message>
    <message>
        <source>{id} (finns inte längre i katalogen)</source>
        <translation>{id} (no longer in the catalogue)</translation>
    </message>
    <message>
        <source>Kopplad tjänst: {n}</source>
        <translation>Linked service: {n}</translation>
    </message>
    <message>
        <source>Koppla {name}</source>
        <translation>Link {name}</translation>
    </message>
    <message>
        <source>Ingen tjänst med det namnet</source>
        <translation>No service with that name</translation>
    </message>
    <message>
        <source>Innan du kan skicka: {p}.</source>
        <translation>Before you can send: {p}.</translation>
    </message>
    <message>
        <source>Rapporten kunde inte läggas i utkorgen: {e} Utkastet finns kvar.</source>
        <translation>The report could not be put in the outbox: {e} The draft is kept.</translation>
    </message>
    <message>
        <source>Rapporten ligger i utkorgen och skickas när surfplattan har nät.</source>
        <translation>The report is in the outbox and will be sent when the tablet has a connection.</translation>
    </message>
    <message>
        <source>Utkastet är sparat. Du hittar det under Rapporter → Visa utkast.</source>
        <translation>The draft is saved. You will find it under Drafts.</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <source>Hände</source>
        <translation>Happened</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Behov och grupper</source>
        <translation>Needs and groups</translation>
    </message>
    <message>
        <source>Rapport</source>
        <translation>Report</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Rapporter</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Ny rapport</source>
        <translation>New report</translation>
    </message>
    <message>
        <source>Skriv en ny rapport</source>
        <translation>Write a new report</translation>
    </message>
    <message>
        <source>Visa utkast</source>
        <translation>Show drafts</translation>
    </message>
    <message>
        <source>Visa utkast som inte skickats</source>
        <translation>Show drafts that were not sent</translation>
    </message>
    <message>
        <source>Skicka till kontoret</source>
        <translation>Send to the office</translation>
    </message>
    <message>
        <source>Synka nu</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Synka nu: skicka väntande rapporter</source>
        <translation>Sync now: send waiting reports</translation>
    </message>
    <message>
        <source>Avsluta pass</source>
        <translation>End shift</translation>
    </message>
    <message>
        <source>Avsluta pass: skicka allt och börja om från sökningen</source>
        <translation>End shift: send everything and start over from the search</translation>
    </message>
    <message>
        <source>Anslut till servern</source>
        <translation>Connect to the server</translation>
    </message>
    <message>
        <source>Anslut till servern: öppna Inställningar och skriv koden från kontoret</source>
        <translation>Connect to the server: open Settings and type the code from the office</translation>
    </message>
    <message>
        <source>Utkorgen</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>Inga rapporter ännu. Skickade rapporter visas här.</source>
        <translation>No reports yet. Sent reports are shown here.</translation>
    </message>
    <message>
        <source>Skickar…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Surfplattan är inte ansluten till någon server. Anslut under Inställningar med en kod från kontoret.</source>
        <translation>The tablet is not connected to a server. Connect under Settings with a code from the office.</translation>
    </message>
    <message numerus="yes">
        <source>%n rapporter väntar</source>
        <translation>
            <numerusform>1 report is waiting</numerusform>
            <numerusform>%n reports are waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Alla rapporter skickade</source>
        <translation>All reports sent</translation>
    </message>
    <message>
        <source>senast synkad {time}</source>
        <translation>last synced {time}</translation>
    </message>
    <message>
        <source>försöker igen {time}</source>
        <translation>retrying at {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n utkast har inte skickats.</source>
        <translation>
            <numerusform>1 draft has not been sent.</numerusform>
            <numerusform>%n drafts have not been sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>och %n äldre skickade rapporter</source>
        <translation>
            <numerusform>and 1 older sent report</numerusform>
            <numerusform>and %n older sent reports</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultDelegate</name>
    <message>
        <source>⚠ Okänt när uppgifterna senast kontrollerades</source>
        <translation>⚠ Not known when last checked</translation>
    </message>
    <message>
        <source>⚠ Kontrollerades senast {d}</source>
        <translation>⚠ Last checked {d}</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Förbereder sökningen…</source>
        <translation>Preparing the search…</translation>
    </message>
    <message>
        <source>Träffar</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>Val: vem och vad</source>
        <translation>Choices: who and what</translation>
    </message>
    <message>
        <source>Rapportera olöst problem</source>
        <translation>Report an unsolved problem</translation>
    </message>
    <message>
        <source>Ingen tjänst passar alla val</source>
        <translation>No service matches all choices</translation>
    </message>
    <message>
        <source>Börja om (rensa alla val)</source>
        <translation>Start over (clear all choices)</translation>
    </message>
    <message>
        <source>Sökningen misslyckades: {e}</source>
        <translation>The search failed: {e}</translation>
    </message>
    <message numerus="yes">
        <source>%n träffar</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n träffar · öppet i natt först</source>
        <translation>
            <numerusform>%n result · open tonight first</numerusform>
            <numerusform>%n results · open tonight first</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n träffar · öppet {t} först</source>
        <translation>
            <numerusform>%n result · open at {t} first</numerusform>
            <numerusform>%n results · open at {t} first</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n träffar · öppna och nära först</source>
        <translation>
            <numerusform>%n result · open and near first</numerusform>
            <numerusform>%n results · open and near first</numerusform>
        </translation>
    </message>
    <message>
        <source>Lösning: {t}</source>
        <translation>Solution: {t}</translation>
    </message>
    <message>
        <source>Nu: {s}</source>
        <translation>Now: {s}</translation>
    </message>
    <message>
        <source>Visa</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Visa lösningen {t}</source>
        <translation>Show the solution {t}</translation>
    </message>
    <message>
        <source>Så här kommer du närmare:</source>
        <translation>How to get closer:</translation>
    </message>
    <message>
        <source>Inget i katalogen passar, inte heller om ett val tas bort. Rapportera problemet så tar kontoret upp det.</source>
        <translation>Nothing in the catalogue fits, not even with one choice removed. Report the problem and the office will take it up.</translation>
    </message>
    <message numerus="yes">
        <source>{label} · %n träffar</source>
        <translation>
            <numerusform>{label} · %n result</numerusform>
            <numerusform>{label} · %n results</numerusform>
        </translation>
    </message>
    <message>
        <source>Ingen hjälp hittades för: {what} (nära {place})</source>
        <translation>No help found for: {what} (near {place})</translation>
    </message>
    <message>
        <source>Ingen hjälp hittades för: {what}</source>
        <translation>No help found for: {what}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Område: {name}</source>
        <translation>Area: {name}</translation>
    </message>
    <message>
        <source>Inställningar</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Tema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Textstorlek</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>Synkserver</source>
        <translation>Sync server</translation>
    </message>
    <message>
        <source>Surfplatteläge</source>
        <translation>Tablet mode</translation>
    </message>
    <message>
        <source>Starta i surfplatteläge</source>
        <translation>Start in tablet mode</translation>
    </message>
    <message>
        <source>Om Kompassen</source>
        <translation>About Kompassen</translation>
    </message>
    <message>
        <source>Om Kompassen: versioner och licens</source>
        <translation>About Kompassen: versions and licence</translation>
    </message>
    <message>
        <source>Språk: {name}</source>
        <translation>Language: {name}</translation>
    </message>
    <message>
        <source>Dag</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Natt</source>
        <translation>Night</translation>
    </message>
    <message>
        <source>Följ klockan</source>
        <translation>Follow clock</translation>
    </message>
    <message>
        <source>Tema: {name}</source>
        <translation>Theme: {name}</translation>
    </message>
    <message>
        <source>Natt mellan 19 och 7, annars dag</source>
        <translation>Night from 19:00 to 07:00, otherwise day</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Stor</source>
        <translation>Large</translation>
    </message>
    <message>
        <source>Större</source>
        <translation>Larger</translation>
    </message>
    <message>
        <source>Textstorlek: {name}</source>
        <translation>Text size: {name}</translation>
    </message>
    <message>
        <source>Serveradress</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Synkserverns adress</source>
        <translation>Sync server address</translation>
    </message>
    <message>
        <source>Spara adress</source>
        <translation>Save address</translation>
    </message>
    <message>
        <source>Spara synkserverns adress</source>
        <translation>Save the sync server address</translation>
    </message>
    <message>
        <source>Anslut surfplattan</source>
        <translation>Connect the tablet</translation>
    </message>
    <message>
        <source>Anslutningskod</source>
        <translation>Connection code</translation>
    </message>
    <message>
        <source>Anslut</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Helskärm, appen stängs först efter en fråga och inställningarna öppnas genom att hålla fingret på områdets namn i 1,5 sekunder (eller Ctrl+Skift+S). Gäller från nästa start.</source>
        <translation>Full screen, the app closes only after a question, and the settings open by holding a finger on the area&apos;s name for 1.5 seconds (or Ctrl+Shift+S). Applies from the next start.</translation>
    </message>
    <message>
        <source>Förvalt av den här datorns installation.</source>
        <translation>Preset by this computer&apos;s installation.</translation>
    </message>
    <message>
        <source>Rätta serveradressen först.</source>
        <translation>Correct the server address first.</translation>
    </message>
    <message>
        <source>Skriv synkserverns adress ovan och tryck Spara adress först.</source>
        <translation>Type the sync server address above and tap Save address first.</translation>
    </message>
    <message>
        <source>Skriv anslutningskoden du fått från kontoret.</source>
        <translation>Type the connection code you got from the office.</translation>
    </message>
    <message>
        <source>Ansluter…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Anslutningen misslyckades: {why}</source>
        <translation>Connecting failed: {why}</translation>
    </message>
    <message>
        <source>Ansluten som enhet {id}.</source>
        <translation>Connected as device {id}.</translation>
    </message>
    <message>
        <source>i systemets nyckelring</source>
        <translation>in the system keyring</translation>
    </message>
    <message>
        <source>i en skyddad fil på surfplattan</source>
        <translation>in a protected file on the tablet</translation>
    </message>
    <message>
        <source>Ansluten till {server} som enhet {id}. Nyckeln sparas {where}.</source>
        <translation>Connected to {server} as device {id}. The key is stored {where}.</translation>
    </message>
    <message>
        <source>Surfplattan är inte ansluten till någon synkserver.</source>
        <translation>The tablet is not connected to a sync server.</translation>
    </message>
    <message>
        <source>Katalogen visas på engelska; knapparna är ännu inte översatta.</source>
        <translation>The catalogue is shown in English; the buttons are not translated yet.</translation>
    </message>
    <message>
        <source>Kompassen {app} · Områdespaket {area} {pack} · Katalogversion {catalogue}</source>
        <translation>Kompassen {app} · Area pack {area} {pack} · Catalogue version {catalogue}</translation>
    </message>
    <message>
        <source>Adressen stämmer inte. Skriv den som https://namn.se eller https://namn.se:8443.</source>
        <translation>The address is not valid. Write it as https://name.se or https://name.se:8443.</translation>
    </message>
    <message>
        <source>Adressen är sparad.</source>
        <translation>Address saved.</translation>
    </message>
    <message>
        <source>Ingen synkserver angiven.</source>
        <translation>No sync server set.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Logga in – Kompassen kontor</source>
        <translation>Sign in – Kompassen office</translation>
    </message>
    <message>
        <source>Logga in på synkservern med ditt kontorskonto för att hantera katalogen.</source>
        <translation>Sign in to the sync server with your office account to manage the catalogue.</translation>
    </message>
    <message>
        <source>&amp;Serveradress</source>
        <translation>&amp;Server address</translation>
    </message>
    <message>
        <source>&amp;Användarnamn</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>&amp;Lösenord</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Serveradress</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Användarnamn</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Lösenord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Fel vid inloggning</source>
        <translation>Sign-in error</translation>
    </message>
    <message>
        <source>Logga in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Loggar in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Skriv serverns adress.</source>
        <translation>Type the server&apos;s address.</translation>
    </message>
    <message>
        <source>Skriv ditt användarnamn.</source>
        <translation>Type your username.</translation>
    </message>
    <message>
        <source>Skriv ditt lösenord.</source>
        <translation>Type your password.</translation>
    </message>
</context>
<context>
    <name>SpanList</name>
    <message>
        <source>+ Lägg till tid</source>
        <translation>+ Add a time</translation>
    </message>
</context>
<context>
    <name>SpanRow</name>
    <message>
        <source>Ta bort tiden</source>
        <translation>Remove the time</translation>
    </message>
    <message>
        <source>dygnet runt från {t}</source>
        <translation>round the clock from {t}</translation>
    </message>
    <message>
        <source>till nästa dag {t}</source>
        <translation>until {t} the next day</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <source>Skriv vad du ser eller vad personen behöver, t.ex. ”tjej 15 sover ute”</source>
        <translation>Type what you see or what the person needs, e.g. “girl 15 sleeping rough”</translation>
    </message>
    <message>
        <source>Sök</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Laddar katalogen…</source>
        <translation>Loading the catalogue…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>StateDialog</name>
    <message>
        <source>Ändra status</source>
        <translation>Change status</translation>
    </message>
    <message numerus="yes">
        <source>Ny status för %n rapporter.</source>
        <translation>
            <numerusform>New status for 1 report.</numerusform>
            <numerusform>New status for %n reports.</numerusform>
        </translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kommentar (bara kontoret)</source>
        <translation>Comment (office only)</translation>
    </message>
    <message>
        <source>Länk</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Ingen länk</source>
        <translation>No link</translation>
    </message>
    <message>
        <source>Lösning</source>
        <translation>Solution</translation>
    </message>
    <message>
        <source>Tjänst</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Meddelande</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>Nyckel i katalogen</source>
        <translation>Key in the catalogue</translation>
    </message>
    <message>
        <source>Svara surfplattan som skickade rapporten</source>
        <translation>Answer the tablet that sent the report</translation>
    </message>
    <message>
        <source>Svar på svenska</source>
        <translation>Answer in Swedish</translation>
    </message>
    <message>
        <source>Svar på engelska</source>
        <translation>Answer in English</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Denna månad</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Förra månaden</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>Detta kvartal</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <source>Detta år</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Egna datum</source>
        <translation>Custom dates</translation>
    </message>
    <message>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Jämför med föregående period</source>
        <translation>Compare with the previous period</translation>
    </message>
    <message>
        <source>Lägesrapport</source>
        <translation>Situation report</translation>
    </message>
    <message>
        <source>Sparar lägesrapporten som PDF och HTML</source>
        <translation>Saves the situation report as PDF and HTML</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Statistik</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>Räknar …</source>
        <translation>Counting …</translation>
    </message>
    <message>
        <source>Rapporternas tabeller behöver områdets nyckel: öppna nyckelfilen under Publicera.</source>
        <translation>The report tables need the area&apos;s key: open the key file under Publish.</translation>
    </message>
    <message>
        <source>%1 – %2. Antal under 5 visas som ”&lt; 5”, antal som skyddar dem som ”x”.</source>
        <translation>%1 – %2. Counts under 5 are shown as “&lt; 5”, counts that would reveal them as “x”.</translation>
    </message>
    <message>
        <source>Exportera CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>Skriver lägesrapporten …</source>
        <translation>Writing the situation report …</translation>
    </message>
    <message>
        <source>Sparad: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message>
        <source>Synkstatus: {text}</source>
        <translation>Sync status: {text}</translation>
    </message>
    <message>
        <source>Tryck för att visa rapporterna</source>
        <translation>Tap to show the reports</translation>
    </message>
    <message numerus="yes">
        <source>Skickar %n rapporter…</source>
        <translation>
            <numerusform>Sending 1 report…</numerusform>
            <numerusform>Sending %n reports…</numerusform>
        </translation>
    </message>
    <message>
        <source>Synkar…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Inte ansluten till någon server</source>
        <translation>Not connected to a server</translation>
    </message>
    <message numerus="yes">
        <source>%n rapporter väntar</source>
        <translation>
            <numerusform>1 report is waiting</numerusform>
            <numerusform>%n reports are waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Alla rapporter skickade</source>
        <translation>All reports sent</translation>
    </message>
    <message>
        <source>{error} – försöker igen {time}</source>
        <translation>{error} – retrying at {time}</translation>
    </message>
    <message>
        <source>senast synkad {time}</source>
        <translation>last synced {time}</translation>
    </message>
    <message>
        <source>inte synkad ännu</source>
        <translation>not synced yet</translation>
    </message>
    <message numerus="yes">
        <source>%n avvisade</source>
        <translation>
            <numerusform>1 refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimeDialog</name>
    <message>
        <source>Välj tid</source>
        <translation>Pick a time</translation>
    </message>
    <message>
        <source>När ska personen få hjälp?</source>
        <translation>When does the person need help?</translation>
    </message>
    <message>
        <source>Datum och tid</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>I kväll 23:00</source>
        <translation>Tonight 23:00</translation>
    </message>
    <message>
        <source>I morgon 08:00</source>
        <translation>Tomorrow 08:00</translation>
    </message>
    <message>
        <source>Om 2 timmar</source>
        <translation>In 2 hours</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Välj</source>
        <translation>Choose</translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <source>TT:MM</source>
        <extracomment>how often &quot;open now&quot; is worked out again while the editor is shown</extracomment>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>Stänger</source>
        <translation>Closes</translation>
    </message>
    <message>
        <source>Öppnar</source>
        <translation>Opens</translation>
    </message>
    <message>
        <source>Skriv en tid, till exempel 09:30.</source>
        <translation>Type a time, for example 09:30.</translation>
    </message>
    <message>
        <source>24:00 går bara som stängningstid (öppna 00:00).</source>
        <translation>24:00 only works as a closing time (open 00:00).</translation>
    </message>
    <message>
        <source>”{text}” är ingen tid: skriv TT:MM, till exempel 09:30.</source>
        <translation>“{text}” is not a time: type HH:MM, for example 09:30.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Ny användare</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>Ändra användare</source>
        <translation>Change user</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Användarnamn</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Första lösenord</source>
        <translation>First password</translation>
    </message>
    <message>
        <source>Nytt lösenord (valfritt)</source>
        <translation>New password (optional)</translation>
    </message>
    <message>
        <source>Lösenordet igen</source>
        <translation>The password again</translation>
    </message>
    <message>
        <source>Områden (samordnare)</source>
        <translation>Areas (coordinator)</translation>
    </message>
    <message>
        <source>Områden som samordnaren får arbeta med</source>
        <translation>Areas the coordinator may work with</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Meddelande</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Ange ett namn.</source>
        <translation>Enter a name.</translation>
    </message>
    <message>
        <source>Ange ett första lösenord.</source>
        <translation>Enter a first password.</translation>
    </message>
    <message>
        <source>Lösenorden är inte lika. Skriv samma lösenord två gånger.</source>
        <translation>The passwords do not match. Type the same password twice.</translation>
    </message>
    <message>
        <source>En samordnare behöver minst ett område.</source>
        <translation>A coordinator needs at least one area.</translation>
    </message>
    <message>
        <source>Sparar…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>{name} lades till som {role}.</source>
        <translation>{name} was added as {role}.</translation>
    </message>
    <message>
        <source>{name} är ändrad ({role}).</source>
        <translation>{name} is changed ({role}).</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>administratör</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>samordnare</source>
        <translation>coordinator</translation>
    </message>
    <message>
        <source>Användare</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Ny användare…</source>
        <translation>New user…</translation>
    </message>
    <message>
        <source>Lägg till en kontorsanvändare</source>
        <translation>Add an office user</translation>
    </message>
    <message>
        <source>Ändra…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>Ändra roll och områden för den valda användaren</source>
        <translation>Change the role and areas of the selected user</translation>
    </message>
    <message>
        <source>Uppdatera</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Hämta listan över användare igen</source>
        <translation>Fetch the list of users again</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Områden</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kontorsanvändare</source>
        <translation>Office users</translation>
    </message>
    <message>
        <source>Sammanfattning</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Meddelande</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Hämtar användarna…</source>
        <translation>Fetching the users…</translation>
    </message>
    <message>
        <source>Logga in som administratör för att se och ändra kontorets användare.</source>
        <translation>Sign in as an administrator to see and change the office&apos;s users.</translation>
    </message>
    <message numerus="yes">
        <source>%n kontorsanvändare</source>
        <translation>
            <numerusform>1 office user</numerusform>
            <numerusform>%n office users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n avstängda</source>
        <translation>
            <numerusform>1 disabled</numerusform>
            <numerusform>%n disabled</numerusform>
        </translation>
    </message>
    <message>
        <source>alla områden</source>
        <translation>all areas</translation>
    </message>
    <message>
        <source>Avstängd</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Aktiv</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Aktivera igen</source>
        <translation>Enable again</translation>
    </message>
    <message>
        <source>Låt den valda användaren logga in igen</source>
        <translation>Let the selected user sign in again</translation>
    </message>
    <message>
        <source>Stäng av…</source>
        <translation>Disable…</translation>
    </message>
    <message>
        <source>Stäng av den valda användaren</source>
        <translation>Disable the selected user</translation>
    </message>
    <message>
        <source>Stäng av användare</source>
        <translation>Disable user</translation>
    </message>
    <message>
        <source>Stänga av {name}?</source>
        <translation>Disable {name}?</translation>
    </message>
    <message>
        <source>{name} kan inte logga in längre och är utloggad direkt. Det går att aktivera användaren igen senare.</source>
        <translation>{name} can no longer sign in and is signed out at once. The user can be enabled again later.</translation>
    </message>
    <message>
        <source>Stäng av</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sparar…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>{name} är avstängd.</source>
        <translation>{name} is disabled.</translation>
    </message>
    <message>
        <source>{name} kan logga in igen.</source>
        <translation>{name} can sign in again.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>(på svenska) {text}</source>
        <translation>(in Swedish) {text}</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <source>Allvar</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Slag</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Fält</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Uppgift</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Varför</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Vad som behövs</source>
        <translation>What is needed</translation>
    </message>
    <message>
        <source>Hög</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Medel</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>Låg</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Motsägelse</source>
        <translation>Contradiction</translation>
    </message>
    <message>
        <source>Härledd</source>
        <translation>Inferred</translation>
    </message>
    <message>
        <source>Inaktuell</source>
        <translation>Out of date</translation>
    </message>
    <message>
        <source>Utan källa</source>
        <translation>No source</translation>
    </message>
    <message>
        <source>Att verifiera</source>
        <translation>To verify</translation>
    </message>
    <message>
        <source>Tjänst</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Lösning</source>
        <translation>Solution</translation>
    </message>
    <message>
        <source>Landmärke</source>
        <translation>Landmark</translation>
    </message>
    <message>
        <source>Meddelande</source>
        <translation>Notice</translation>
    </message>
</context>
<context>
    <name>WorklistPage</name>
    <message>
        <source>Kontrollerar katalogen…</source>
        <translation>Checking the catalogue…</translation>
    </message>
    <message numerus="yes">
        <source>%n motsägelser</source>
        <translation>
            <numerusform>1 contradiction</numerusform>
            <numerusform>%n contradictions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n härledda</source>
        <translation>
            <numerusform>1 inferred</numerusform>
            <numerusform>%n inferred</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n inaktuella</source>
        <translation>
            <numerusform>1 out of date</numerusform>
            <numerusform>%n out of date</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n utan källa</source>
        <translation>
            <numerusform>1 without a source</numerusform>
            <numerusform>%n without a source</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n att verifiera</source>
        <translation>
            <numerusform>1 to verify</numerusform>
            <numerusform>%n to verify</numerusform>
        </translation>
    </message>
    <message>
        <source>Inget att kontrollera i katalogen just nu.</source>
        <translation>Nothing to check in the catalogue right now.</translation>
    </message>
    <message numerus="yes">
        <source>%n uppgifter behöver kontrolleras:</source>
        <translation>
            <numerusform>1 item needs checking:</numerusform>
            <numerusform>%n items need checking:</numerusform>
        </translation>
    </message>
    <message>
        <source>{high} höga, {medium} medel, {low} låga</source>
        <translation>{high} high, {medium} medium, {low} low</translation>
    </message>
    <message numerus="yes">
        <source>%n visas med filtren.</source>
        <translation>
            <numerusform>1 shown with the filters.</numerusform>
            <numerusform>%n shown with the filters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Arbetslista</source>
        <translation>Worklist</translation>
    </message>
    <message>
        <source>&amp;Allvar</source>
        <translation>&amp;Severity</translation>
    </message>
    <message>
        <source>S&amp;lag</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>Sök i listan (post, fält, text)</source>
        <translation>Search the list (record, field, text)</translation>
    </message>
    <message>
        <source>Sök i arbetslistan</source>
        <translation>Search the worklist</translation>
    </message>
    <message>
        <source>Filtrera på allvar</source>
        <translation>Filter by severity</translation>
    </message>
    <message>
        <source>Filtrera på slag</source>
        <translation>Filter by type</translation>
    </message>
    <message>
        <source>Arbetslista: uppgifter att kontrollera</source>
        <translation>Worklist: items to check</translation>
    </message>
    <message>
        <source>Den valda uppgiften</source>
        <translation>The selected item</translation>
    </message>
    <message>
        <source>Sammanfattning</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Uppdatera</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Kontrollera katalogen igen</source>
        <translation>Check the catalogue again</translation>
    </message>
    <message>
        <source>Öppna i katalogen</source>
        <translation>Open in the catalogue</translation>
    </message>
    <message>
        <source>Öppna posten i katalogen</source>
        <translation>Open the record in the catalogue</translation>
    </message>
    <message>
        <source>Kontrollerad idag</source>
        <translation>Checked today</translation>
    </message>
    <message>
        <source>Markera posten som kontrollerad idag</source>
        <translation>Mark the record as checked today</translation>
    </message>
    <message>
        <source>Alla</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Välj en rad för att se hela texten. Dubbelklicka för att öppna posten.</source>
        <translation>Choose a row to see the whole text. Double-click to open the record.</translation>
    </message>
    <message>
        <source>Varför: {why}</source>
        <translation>Why: {why}</translation>
    </message>
    <message>
        <source>Vad som behövs: {fix}</source>
        <translation>What is needed: {fix}</translation>
    </message>
</context>
<context>
    <name>_TableBox</name>
    <message>
        <source>Exportera CSV</source>
        <translation>Export CSV</translation>
    </message>
</context>
</TS>
