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
        <translation>The device's folder: {folder}</translation>
    </message>
    <message>
        <source>Datorns förval: {file}</source>
        <translation>This computer's defaults: {file}</translation>
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
    <name>EnrolStrip</name>
    <message>
        <source>Koppla till kontoret</source>
        <translation>Connect to the office</translation>
    </message>
    <message>
        <source>Kod eller QR-kodens innehåll</source>
        <translation>Code or the QR code's content</translation>
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
        <translation>No sync server is set on the tablet. Paste the whole content of the office's QR code (kompassen://enrol?…), or set the server under Settings.</translation>
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
        <translation>Full screen, the app closes only after a question, and the settings open by holding a finger on the area's name for 1.5 seconds (or Ctrl+Shift+S). Applies from the next start.</translation>
    </message>
    <message>
        <source>Förvalt av den här datorns installation.</source>
        <translation>Preset by this computer's installation.</translation>
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
    <name>Words</name>
    <message>
        <source>(på svenska) {text}</source>
        <translation>(in Swedish) {text}</translation>
    </message>
</context>
</TS>
