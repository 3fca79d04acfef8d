<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="sv_SE">
<context>
    <name>AboutPage</name>
    <message>
        <source>← Tillbaka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tillbaka till inställningarna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Om Kompassen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kompassen version {v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installerade områden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programvara</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt {qt} · PySide6 {pyside} · Python {python}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Var data finns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhetens mapp: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datorns förval: {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kompassen: {app}. Qt och PySide6 används under {qt}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga områden är installerade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>katalogversion {c} från signerad utgåva {r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>katalogversion {c}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;Områdespaket {pack} · {catalogue} · installerad {when}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AreasPage</name>
    <message>
        <source>Områden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utgåva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisationer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sammanfattning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vad som händer</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n områden är installerade i katalogen.</source>
        <translation>
            <numerusform>%n område är installerat i katalogen.</numerusform>
            <numerusform>%n områden är installerade i katalogen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nytt område…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skapa ett nytt, tomt område</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera HSDS…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera ett område från HSDS-data (JSON eller CSV-mapp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exportera som HSDS…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exportera det valda området som HSDS 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exportera som paket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exportera det valda området som områdespaket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppdatera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läs listan över områden igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paketversion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Katalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Katalogversion: ökar vid varje installation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Den signerade utgåva som innehållet kom från (ingen: paketet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läser områdena…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj mappen att exportera {area} till</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{area} exporterades som HSDS 3 till {folder}: %n tjänster, JSON (datapackage.json, hsds_services.json) och CSV-tabeller.</source>
        <translation>
            <numerusform>{area} exporterades som HSDS 3 till {folder}: %n tjänst, JSON (datapackage.json, hsds_services.json) och CSV-tabeller.</numerusform>
            <numerusform>{area} exporterades som HSDS 3 till {folder}: %n tjänster, JSON (datapackage.json, hsds_services.json) och CSV-tabeller.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporterar {area} som HSDS 3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{area} exporterades som områdespaket till {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporterar {area} som områdespaket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mappen {folder} finns redan och är inte tom. Välj en annan mapp; inget skrevs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tjänster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installerade områden</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>När</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Område</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gällde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detaljer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loggade in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misslyckad inloggning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loggade ut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publicerade katalogen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skapade registreringskod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Återkallade surfplatta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lade till användare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ändrade användare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stängde av användare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytte lösenord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrerade områdesnyckel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hämtade rapporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hämtade användningsstatistik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ändrade status på rapporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Svarade på en rapport</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Logg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppdatera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hämta loggen igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logg över kontorets åtgärder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sammanfattning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hämtar loggen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontorets åtgärder på servern, de senaste först.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogueEditorPage</name>
    <message>
        <source>Öppnar katalogen…</source>
        <extracomment>the kinds the editor lists, in this order</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Katalogen: {area}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ångra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ångra (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gör om</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gör om (Ctrl+Shift+Z eller Ctrl+Y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontrollerad idag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Du har kontrollerat uppgifterna i dag: datumet och ditt namn sparas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tjänster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisationer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landmärken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lösningar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meddelanden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sök på namn eller id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla statusar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inte kontrollerade på ett år</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ändringshistorik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontaktanteckning inför nästa kontroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vem frågar vi, hur och när?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stannar på kontoret: den följer inte med till surfplattorna.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slag av post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrera på status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrera på målgrupp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrera på behov</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla målgrupper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla behov</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n av {total} visas</source>
        <translation>
            <numerusform>%n av {total} visas</numerusform>
            <numerusform>%n av {total} visas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sparat: %n poster ändrade, katalogversion {v}.</source>
        <translation>
            <numerusform>Sparat: %n post ändrad, katalogversion {v}.</numerusform>
            <numerusform>Sparat: %n poster ändrade, katalogversion {v}.</numerusform>
        </translation>
    </message>
    <message>
        <source>{what} {id} finns inte i katalogen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj en post i listan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kontrollerad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga sparade ändringar ännu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aldrig kontrollerad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inte känt när uppgifterna senast kontrollerades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontrollerad {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>senast av {who} {at}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ändra {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markerad som kontrollerad i dag. Spara för att behålla det.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparar…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClearButton</name>
    <message>
        <source>Rensa texten</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompassArrow</name>
    <message>
        <source>Riktning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riktningen är okänd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platsen är här</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riktning: {word}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPage</name>
    <message>
        <source>Numret {n} är kopierat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Överlämning registrerad {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fel i uppgiften om {name}: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tjänstens uppgifter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Tillbaka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tillbaka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tillbaka (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tjänsten finns inte längre i katalogen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Den kan ha tagits bort när katalogen uppdaterades. Gå tillbaka och sök igen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>även kallad {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vad de gör</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vem de tar emot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Så lämnar du över</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppettider denna vecka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adress och vägbeskrivning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hur säker är uppgiften</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Målgrupper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hjälper med</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ålder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kön</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utan papper eller personnummer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Påverkad av alkohol eller droger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remiss krävs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Språk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ej angivet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Villkor och överlämning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{a}–{b} år</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Från {a} år</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upp till {b} år</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla kön</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kvinnor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Män</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tas emot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tas inte emot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nej</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inget telefonnummer angivet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>För yrkesverksamma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Växel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stödlinje</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Akut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefonnummer {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Kontrollera numret – det är inte bekräftat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skicka sms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skicka sms till {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopiera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopiera {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppettiderna är inte kända – ring och fråga innan ni går dit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} (i dag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stängt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppettider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vissa tider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tjänsten rör sig i området och har ingen fast adress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen adress angiven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}: källa ej angiven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>datum okänt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} enligt {site}, {age}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} (kontrollerad {d})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gatuadress saknas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vägbeskrivning saknas – platsens läge är inte inlagt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj var du är för att se vägen hit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{way} från {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{here}, vid {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läget är ungefärligt – avståndet är en uppskattning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>okänt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senast kontrollerad: {d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Det är okänt när uppgiften kontrollerades – ring och kontrollera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppgiften kontrollerades för mer än ett år sedan – ring och kontrollera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Källor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jag lämnade över hit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapportera fel i uppgiften</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppnar felrapporten med tjänstens namn ifyllt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DevicesModel</name>
    <message>
        <source>Namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senaste synk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appversion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Katalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrerad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aldrig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{area} {pack}, utgåva {release}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{area} {pack} (paketet, ingen utgåva än)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Återkallad {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktiv</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Enheter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny registreringskod…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skapa en ny registreringskod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Återkalla…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Återkalla den valda surfplattan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppdatera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hämta listan över enheter igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surfplattor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sammanfattning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hämtar enheterna…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n surfplattor</source>
        <translation>
            <numerusform>%n surfplatta</numerusform>
            <numerusform>%n surfplattor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n aktiva</source>
        <translation>
            <numerusform>%n aktiv</numerusform>
            <numerusform>%n aktiva</numerusform>
        </translation>
    </message>
    <message>
        <source>Återkalla surfplatta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Återkalla {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surfplattan kan inte synka längre: den får inga nya kataloger och kan inte skicka rapporter. Det går inte att ångra; den kan registreras igen med en ny kod.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Återkalla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Återkallar…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftsList</name>
    <message numerus="yes">
        <source>Utkast (%n)</source>
        <translation>
            <numerusform>Utkast (%n)</numerusform>
            <numerusform>Utkast (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Rapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} · sparat {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna utkastet {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort utkastet {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort utkastet för gott?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ja, ta bort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ja, ta bort utkastet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behåll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behåll utkastet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndShiftDialog</name>
    <message>
        <source>Avsluta pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avslutar passet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hur mycket som har skickats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna utkasten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna utkasten som inte skickats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Försök igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Försök skicka de väntande rapporterna igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klar: börja om från en tom sökning</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Skickar rapporter till kontoret… %n kvar</source>
        <translation>
            <numerusform>Skickar rapporter till kontoret… %n kvar</numerusform>
            <numerusform>Skickar rapporter till kontoret… %n kvar</numerusform>
        </translation>
    </message>
    <message>
        <source>Hämtar uppdateringar av katalogen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allt är skickat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla rapporter är skickade</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rapporter ligger kvar på surfplattan</source>
        <translation>
            <numerusform>%n rapport ligger kvar på surfplattan</numerusform>
            <numerusform>%n rapporter ligger kvar på surfplattan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rapporter skickades nu.</source>
        <translation>
            <numerusform>%n rapport skickades nu.</numerusform>
            <numerusform>%n rapporter skickades nu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Det fanns inga rapporter att skicka.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga rapporter kunde skickas nu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Väntar (%n)</source>
        <translation>
            <numerusform>Väntar (%n)</numerusform>
            <numerusform>Väntar (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Varför: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De ligger kvar säkert i utkorgen och skickas av sig själva nästa gång surfplattan når servern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Avvisade av servern (%n)</source>
        <translation>
            <numerusform>Avvisad av servern (%n)</numerusform>
            <numerusform>Avvisade av servern (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Visa dem för samordnaren, eller försök igen under Rapporter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Skickade nu (%n)</source>
        <translation>
            <numerusform>Skickad nu (%n)</numerusform>
            <numerusform>Skickade nu (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n utkast har inte skickats.</source>
        <translation>
            <numerusform>%n utkast har inte skickats.</numerusform>
            <numerusform>%n utkast har inte skickats.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Ny registreringskod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En registreringskod kopplar nya surfplattor till servern. Skriv in koden på surfplattan eller läs QR-koden med den. Koden visas bara nu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Antal surfplattor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Giltig i</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antal surfplattor som kan använda koden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hur länge koden gäller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhet för giltighetstiden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dagar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timmar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skapa kod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skapa registreringskod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registreringskod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registreringskoden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR-kod för registreringen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registreringslänk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopiera koden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopiera länken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopiera QR-bilden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En kod kan gälla i högst 90 dagar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skapar kod…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Kan användas av %n surfplattor. Gäller till {when}.</source>
        <translation>
            <numerusform>Kan användas av %n surfplatta. Gäller till {when}.</numerusform>
            <numerusform>Kan användas av %n surfplattor. Gäller till {when}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnrolStrip</name>
    <message>
        <source>Koppla till kontoret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kod eller QR-kodens innehåll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anslutningskod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koppla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koppla senare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koden eller QR-koden från kontoret. Går också senare under Inställningar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopplar när katalogen är klar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen synkserver är inställd på surfplattan. Klistra in hela innehållet i kontorets QR-kod (kompassen://enrol?…), eller ange servern under Inställningar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inställningarna kunde inte sparas: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopplar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Det gick inte att koppla: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopplad till kontoret som enhet {id}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExceptionRow</name>
    <message>
        <source>Stängt hela dagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Varför (visas för fältarbetarna), t.ex. Personalfest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort undantaget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum för undantaget</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldWindow</name>
    <message>
        <source>Sök</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lösningar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inställningar</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{name} · %n tjänster · katalogversion {v}</source>
        <translation>
            <numerusform>{name} · %n tjänst · katalogversion {v}</numerusform>
            <numerusform>{name} · %n tjänster · katalogversion {v}</numerusform>
        </translation>
    </message>
    <message>
        <source>Katalogen är uppdaterad (version {v}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Håll fingret här för att öppna inställningarna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Håll kvar för att öppna inställningarna…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behov</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grupp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sök i texten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ord i rapporten eller platsen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Från och med</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till och med</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparade filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namn på filtret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla öppna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Skriv vad du ser eller vad personen behöver, t.ex. ”tjej 15 sover ute”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sök</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rensa allt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rensa allt: text, val och tid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppet nu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppet i natt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj tid…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bara öppna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nära:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nära: välj plats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vem har du träffat?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vad behöver personen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Känns igen i texten:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga filter valda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valen visas. Tryck för att dölja dem och se träffarna.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valen är dolda. Tryck för att visa dem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj tid</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{label}, %n träffar</source>
        <translation>
            <numerusform>{label}, %n träff</numerusform>
            <numerusform>{label}, %n träffar</numerusform>
        </translation>
    </message>
    <message>
        <source>Lägg till val: {label}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Ny driftsättning – {area}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nästa &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; Tillbaka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slutför</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nyckelfilen {file} är skapad, men området har ännu inte fått nycklarna. Fortsätt här, eller tryck Avbryt igen för att sluta: nästa gång Ny driftsättning körs kan du fortsätta med samma nyckelfil.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny driftsättning…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuidesPage</name>
    <message>
        <source>Välj situationen du står i för att se vad du kan göra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tryck eller tryck Enter för att öppna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mån</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lör</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sön</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alla dagar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} hela dygnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lösningar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Alla lösningar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tillbaka till alla lösningar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vald lösning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj en lösning i listan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Målgrupp: {terms}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behov: {terms}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gör så här</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steg {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gäller nu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gäller inte nu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gäller alltid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (inaktiv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (stängd)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (tillfälligt stängd till {day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (tillfälligt stängd)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>okänt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senast kontrollerad: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Källor: {sources}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HoursEditor</name>
    <message>
        <source>Öppettider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tider per veckodag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dygnet runt, alla dagar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiderna är okända</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samma tider tisdag–fredag som måndag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Röda dagar och aftnar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Röda dagar (t.ex. juldagen, 1 maj):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aftnar (julafton, nyårsafton, midsommarafton, påskafton):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stängt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Som en söndag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Som vanligt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Som en lördag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undantag för enstaka datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Lägg till ett datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Källans egna ord om tiderna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t.ex. ”Kvällar och helger, ring först”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Så blir veckan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Veckan med</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De sparade öppettiderna går inte att läsa ({why}). Skriv in dem på nytt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stängt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rätta tiderna för att se veckan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>okänt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utan tider räknas öppettiderna som okända.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppettiderna är okända</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppet nu – dygnet runt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppet nu – stänger {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppet nu – {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stängt nu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stängt nu – {text}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Importera HSDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läs in HSDS-data (datapackage.json eller en mapp med CSV-filer). Du ser importrapporten innan något installeras.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HSDS-data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sökväg till HSDS-datat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj JSON-fil…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj en datapackage-fil (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj CSV-mapp…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj en mapp med CSV-filer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Som nytt område</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id (a–z, 0–9, -)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Det nya områdets id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Det nya områdets namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ersätt det installerade området</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Området som ersätts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strikt: avvisa allt vid minsta fel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läs in och visa rapporten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importrapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj HSDS-datat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HSDS datapackage (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läser och kontrollerar HSDS-datat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inget är installerat ännu: välj Installera för att installera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importrapporten är klar; inget är installerat ännu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HSDS-datat kan inte importeras; ingenting ändrades.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importen misslyckades; ingenting ändrades.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läser HSDS-datat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{area} installerades från HSDS: %n tjänster.</source>
        <translation>
            <numerusform>{area} installerades från HSDS: %n tjänst.</numerusform>
            <numerusform>{area} installerades från HSDS: %n tjänster.</numerusform>
        </translation>
    </message>
    <message>
        <source>Installationen misslyckades:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installationen misslyckades; ingenting ändrades.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installerar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installerar {area}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Rapporter</source>
        <extracomment>the editor should open a new guide with these fields (the report is already linked)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hämta nya rapporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna rapporterna…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ändra status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gör en lösning av detta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapporterna är krypterade. Öppna dem med områdets nyckelfil.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rapporter</source>
        <translation>
            <numerusform>%n rapport</numerusform>
            <numerusform>%n rapporter</numerusform>
        </translation>
    </message>
    <message>
        <source>Rapporterna öppnas med områdets nyckel. Skriv nyckelfilens lösenfras (den glöms efter en stunds overksamhet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hämtar och öppnar rapporterna…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inte inloggad: rapporterna som redan hämtats visas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n nya rapporter hämtade.</source>
        <translation>
            <numerusform>%n ny rapport hämtad.</numerusform>
            <numerusform>%n nya rapporter hämtade.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gick inte att öppna.</source>
        <translation>
            <numerusform>%n gick inte att öppna.</numerusform>
            <numerusform>%n gick inte att öppna.</numerusform>
        </translation>
    </message>
    <message>
        <source>Öppna rapporterna med nyckelfilen först.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rapporter har fått status {state}.</source>
        <translation>
            <numerusform>%n rapport har fått status {state}.</numerusform>
            <numerusform>%n rapporter har fått status {state}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rapporter blev lösta av släppet.</source>
        <translation>
            <numerusform>%n rapport blev löst av släppet.</numerusform>
            <numerusform>%n rapporter blev lösta av släppet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InstallProgress</name>
    <message>
        <source>Förbereder surfplattan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hur långt installationen har kommit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installerar {name} … {index} av {count}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <source>Fingeravtryck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapportnyckel (öppnar rapporter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signeringsnyckel (signerar släpp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Området och servern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Försök igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrera på servern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Byt nyckeln på servern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Säkerhetskopiera nyckelfilen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jag har sparat en kopia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Nyckelfilen är skapad: {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Nyckelfilen är öppnad: {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriver in de publika nycklarna i området…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Områdets publika nycklar är bytta (syns i ändringshistoriken). Surfplattorna får dem med nästa områdespaket eller släpp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Området har redan de här nycklarna.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Området har inte fått nycklarna: {why} Nyckelfilen finns kvar; tryck Försök igen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signeringsnyckeln registreras på servern när området har den.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrerar signeringsnyckeln på servern…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Signeringsnyckeln är bytt på servern. Surfplattorna behöver ett nytt områdespaket med de nya nycklarna innan de tar emot nästa släpp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Signeringsnyckeln är registrerad på servern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inte inloggad: signeringsnyckeln är inte registrerad på servern. Logga in, så registreras den (eller kör Ny driftsättning igen senare med samma nyckelfil). Inget släpp kan publiceras innan dess.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Servern hade redan den här signeringsnyckeln.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steg 3 av 3 · Nycklar och säkerhetskopia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingeravtrycken är en kort kontroll av de publika nycklarna (samma som kommandot kompassen keys generate skriver ut): jämför dem när någon annan ska lita på nycklarna, till exempel IT vid servern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servern tog inte emot signeringsnyckeln: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Byt bara om den gamla nyckelfilen är förlorad: surfplattorna litar på den gamla nyckeln tills de får ett områdespaket med den nya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bara en administratör kan byta den.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slutför går när området har fått nycklarna.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kryssa i rutan när kopiorna är gjorda; sedan kan du slutföra.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocationDelegate</name>
    <message>
        <source>Vid {landmark}, ingen exakt adress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocationModel</name>
    <message>
        <source>Övriga platser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utan känd plats</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n platser</source>
        <translation>
            <numerusform>%n plats</numerusform>
            <numerusform>%n platser</numerusform>
        </translation>
    </message>
    <message>
        <source>Rubrik: {title}, {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avstånd okänt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ca {way}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocationsPage</name>
    <message>
        <source>Skriv latitud och longitud som två tal, till exempel {example}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitud ska vara mellan −90 och 90 och longitud mellan −180 och 180.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitud och longitud verkar ha bytt plats – prova {pair}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Punkten ligger {km} km från {area}. Kontrollera koordinaterna.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>”{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bara öppna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laddar platser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrerat: {filters}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>söker …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filtret gick inte att använda: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>närmast först från {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sorterar …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga platser med adress matchar filtren.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Området har inga platser med adress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Från:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Från plats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Egen punkt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lat, lon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Egen punkt: latitud, longitud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Använd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Använd koordinaterna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa alla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa alla platser, rensa filtren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platser, närmast först</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vilka filter som gäller</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewAreaDialog</name>
    <message>
        <source>Nytt område</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ett tomt område med en landmärkespunkt i mitten. Tjänsterna lägger du till i Katalog. Området får platshållare för kontorsnycklarna: skapa riktiga nycklar innan den första publiceringen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id (a–z, 0–9, -)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubrik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beskrivning (svenska)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beskrivning (engelska)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mitt, latitud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mitt, longitud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t.ex. solna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t.ex. Solnakompassen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t.ex. Solna – centrum och Råsunda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skapa området</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meddelande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Området {area} skapades.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skapar området…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skapar området {area}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoDialerDialog</name>
    <message>
        <source>Kan inte skicka sms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Den här enheten kan inte skicka sms. Skicka till numret från en telefon:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kan inte ringa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Den här enheten kan inte ringa. Ring numret från en telefon:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefonnummer {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopiera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopiera {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numret {n} är kopierat.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeWhen</name>
    <message>
        <source>aldrig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>i dag {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>i går {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>i morgon {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeWindow</name>
    <message>
        <source>Arbetslista</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Katalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publicera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enheter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Områden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Användare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loggar in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inloggningen har gått ut. Logga in igen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inte inloggad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logga in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inloggad som {user} ({role}) på {server}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logga ut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administratör</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>samordnare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kompassen kontor – {area}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sidor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxCard</name>
    <message>
        <source>{kind} · skriven {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Försök igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Försök skicka {kind} igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skickad {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skickas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>servern sa inte varför</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avvisad: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Väntar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blev en lösning: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Löst: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Går inte att åtgärda: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behöver mer information: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pågår: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n försök</source>
        <translation>
            <numerusform>%n försök</numerusform>
            <numerusform>%n försök</numerusform>
        </translation>
    </message>
    <message>
        <source>{tries} · senaste felet: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Öppna nyckelfilen</source>
        <extracomment>how long opened keys are kept without use before they are forgotten (ms)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nyckelfil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lösenfras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj nyckelfilen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj nyckelfilen först.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppnar nyckelfilen…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Lösenfras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skapa nycklarna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steg 2 av 3 · Lösenfras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samma lösenfras igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna nyckelfilen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv lösenfrasen för den befintliga nyckelfilen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lösenfrasen skyddar nyckelfilen. Välj några ord som du minns men som ingen annan gissar, och skriv dem två gånger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppnar nyckelfilen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skapar nycklarna…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlacePage</name>
    <message>
        <source>Steg 1 av 3 · Nyckelfilen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny driftsättning skapar områdets egna nycklar: en för att öppna rapporterna från surfplattorna och en för att signera katalogsläppen. De privata nycklarna sparas i en nyckelfil som skyddas av en lösenfras. De publika nycklarna skrivs in i området och signeringsnyckeln registreras på servern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapp för nyckelfilen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fortsätt med den befintliga nyckelfilen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj mapp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj en mapp för nyckelfilen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I mappen finns redan en nyckelfil ({files}). Den skrivs aldrig över. Välj en annan mapp, eller fortsätt med den om en tidigare körning av Ny driftsättning skapade den (dess lösenfras behövs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nyckelfilen sparas här. Välj gärna en mapp som bara du kommer åt; kopiorna gör du i sista steget.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PublishPage</name>
    <message>
        <source>hela posten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Området har ännu platshållarnycklar: skapa områdets nycklar först (Ny driftsättning…) och spara.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inget släpp från det här kontoret finns sparat: ändringarna visas mot området som det levererades med appen, det surfplattorna har innan de fått ett släpp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publicera {area}</source>
        <extracomment>after a publish: the guides the release holds, key → (title sv, title en) (the inbox marks the reports linked to them solved)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppdatera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signera och publicera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Det här ändras för surfplattorna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontroll av hela området</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surfplattorna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surfplatta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Släpp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senast synkad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jämför med det senaste släppet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inget har ändrats sedan det senaste släppet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n fel måste rättas innan området kan publiceras:</source>
        <translation>
            <numerusform>%n fel måste rättas innan området kan publiceras:</numerusform>
            <numerusform>%n fel måste rättas innan området kan publiceras:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n poster ändras. Publicera: släppet signeras med områdets nyckel och surfplattorna hämtar det vid nästa synkning.</source>
        <translation>
            <numerusform>%n post ändras. Publicera: släppet signeras med områdets nyckel och surfplattorna hämtar det vid nästa synkning.</numerusform>
            <numerusform>%n poster ändras. Publicera: släppet signeras med områdets nyckel och surfplattorna hämtar det vid nästa synkning.</numerusform>
        </translation>
    </message>
    <message>
        <source>Området är utan fel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rätta felen först; sedan kan du publicera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Det finns inget nytt att publicera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senaste släppet är nummer {v} ({when}). {behind} av {n} surfplattor har inte hämtat det än.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Området har inget släpp på servern än.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spärrad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paketet {v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aldrig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Har inte hämtat det senaste släppet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Släppet signeras med områdets privata nyckel. Skriv nyckelfilens lösenfras (den glöms efter en stunds overksamhet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signerar och skickar släppet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Släpp {v} är publicerat. Surfplattorna hämtar det vid nästa synkning.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuitDialog</name>
    <message>
        <source>Avsluta Kompassen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surfplattan är i surfplatteläge. Stäng bara appen om du ska lämna tillbaka surfplattan eller starta om den.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fortsätt använda Kompassen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stäng inte appen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avsluta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avsluta Kompassen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>svenska</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engelska</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>– ingen källa –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv ett heltal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv ett tal, t.ex. 59.33.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>med komma emellan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Källa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Lägg till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rätta öppettiderna först.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>– inte angivet –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inte angivet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nej</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annat namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beskrivning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stängt från (ÅÅÅÅ-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stängt till och med</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Om statusen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Källa för statusen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppsökande, ingen fast plats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Om området</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platser (id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Källa för platsen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Målgrupper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hjälper med</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefonnummer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nummer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Etikett</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behöver verifieras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webbsida</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppettider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Så lämnar du över</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sätt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instruktioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lägsta ålder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Högsta ålder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kön</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Går bra utan papper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Går bra påverkad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kräver remiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Språk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Källor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Källans datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senast kontrollerad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontrollerad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Osäkert i uppgifterna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problemet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tjänster (id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gäller när</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dagar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Från (TT:MM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till (TT:MM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tjänst (id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visas från</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upphör</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postnummer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anteckning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longitud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ungefärligt läge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Om läget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landmärke (id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Andra namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Veckotider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppnar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stänger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undantag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dygnet runt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Röda dagar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aftnar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stängt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktiv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inte i gång just nu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nedlagd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tillfälligt stängd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stängd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Växel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stödlinje</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>För yrkesverksamma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Akut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kvinnor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Män</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDetail</name>
    <message>
        <source>Historik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>När</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Länk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapportens historik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj en rapport i listan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapport {id} · {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hände</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skapad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mottagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landmärke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behov</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grupper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verksamhet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Rapportera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapporten går krypterad till kontoret. Skriv vad som hände, inte vem det gällde.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vad gäller rapporten?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Var?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beskriv platsen, t.ex. ”bakom busskuren”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annan plats: beskriv platsen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>När?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>För 30 min sedan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj tid…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tid: {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum och tid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15 minuter tidigare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15 minuter senare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vem gäller det?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vad behövs?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beskriv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vad hände, vad saknades? Inga namn, inga personnummer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapportens text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maskera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maskera uppgifterna som pekar ut personen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texten ser ut att innehålla {what}. Skicka ändå?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skicka ändå</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skicka rapporten ändå, utan att maskera uppgifterna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gäller en tjänst (valfritt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort kopplingen till tjänsten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sök tjänst att koppla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avbryt och spara utkastet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skicka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skicka rapporten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fortsätt på utkastet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fortsätt det senaste utkastet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny rapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Börja en ny rapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen särskild plats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annan plats…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vill du fortsätta på ditt utkast? {s}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utkastet kunde inte sparas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utkast sparat {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidpunkt: {d} kl. {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} av {max} tecken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texten verkar innehålla uppgifter som pekar ut en person: {what}. Skriv inte ut vem personen är.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{id} (finns inte längre i katalogen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopplad tjänst: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koppla {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen tjänst med det namnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Innan du kan skicka: {p}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapporten kunde inte läggas i utkorgen: {e} Utkastet finns kvar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapporten ligger i utkorgen och skickas när surfplattan har nät.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utkastet är sparat. Du hittar det under Rapporter → Visa utkast.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <source>Hände</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behov och grupper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapport</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Rapporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny rapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv en ny rapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa utkast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa utkast som inte skickats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skicka till kontoret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synka nu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synka nu: skicka väntande rapporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avsluta pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avsluta pass: skicka allt och börja om från sökningen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anslut till servern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anslut till servern: öppna Inställningar och skriv koden från kontoret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utkorgen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga rapporter ännu. Skickade rapporter visas här.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skickar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surfplattan är inte ansluten till någon server. Anslut under Inställningar med en kod från kontoret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rapporter väntar</source>
        <translation>
            <numerusform>%n rapport väntar</numerusform>
            <numerusform>%n rapporter väntar</numerusform>
        </translation>
    </message>
    <message>
        <source>Alla rapporter skickade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>senast synkad {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>försöker igen {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n utkast har inte skickats.</source>
        <translation>
            <numerusform>%n utkast har inte skickats.</numerusform>
            <numerusform>%n utkast har inte skickats.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>och %n äldre skickade rapporter</source>
        <translation>
            <numerusform>och %n äldre skickad rapport</numerusform>
            <numerusform>och %n äldre skickade rapporter</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultDelegate</name>
    <message>
        <source>⚠ Okänt när uppgifterna senast kontrollerades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Kontrollerades senast {d}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Förbereder sökningen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Träffar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Val: vem och vad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapportera olöst problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen tjänst passar alla val</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Börja om (rensa alla val)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sökningen misslyckades: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n träffar</source>
        <translation>
            <numerusform>%n träff</numerusform>
            <numerusform>%n träffar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n träffar · öppet i natt först</source>
        <translation>
            <numerusform>%n träff · öppet i natt först</numerusform>
            <numerusform>%n träffar · öppet i natt först</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n träffar · öppet {t} först</source>
        <translation>
            <numerusform>%n träff · öppet {t} först</numerusform>
            <numerusform>%n träffar · öppet {t} först</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n träffar · öppna och nära först</source>
        <translation>
            <numerusform>%n träff · öppna och nära först</numerusform>
            <numerusform>%n träffar · öppna och nära först</numerusform>
        </translation>
    </message>
    <message>
        <source>Lösning: {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nu: {s}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa lösningen {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Så här kommer du närmare:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inget i katalogen passar, inte heller om ett val tas bort. Rapportera problemet så tar kontoret upp det.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{label} · %n träffar</source>
        <translation>
            <numerusform>{label} · %n träff</numerusform>
            <numerusform>{label} · %n träffar</numerusform>
        </translation>
    </message>
    <message>
        <source>Ingen hjälp hittades för: {what} (nära {place})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen hjälp hittades för: {what}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Område: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inställningar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Område</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Språk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Textstorlek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synkserver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surfplatteläge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starta i surfplatteläge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Om Kompassen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Om Kompassen: versioner och licens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Språk: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Natt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Följ klockan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tema: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Natt mellan 19 och 7, annars dag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Större</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Textstorlek: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serveradress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synkserverns adress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara adress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara synkserverns adress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anslut surfplattan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anslutningskod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anslut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helskärm, appen stängs först efter en fråga och inställningarna öppnas genom att hålla fingret på områdets namn i 1,5 sekunder (eller Ctrl+Skift+S). Gäller från nästa start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Förvalt av den här datorns installation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rätta serveradressen först.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv synkserverns adress ovan och tryck Spara adress först.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv anslutningskoden du fått från kontoret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansluter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anslutningen misslyckades: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansluten som enhet {id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>i systemets nyckelring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>i en skyddad fil på surfplattan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansluten till {server} som enhet {id}. Nyckeln sparas {where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surfplattan är inte ansluten till någon synkserver.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Katalogen visas på engelska; knapparna är ännu inte översatta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kompassen {app} · Områdespaket {area} {pack} · Katalogversion {catalogue}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adressen stämmer inte. Skriv den som https://namn.se eller https://namn.se:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adressen är sparad.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen synkserver angiven.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Logga in – Kompassen kontor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logga in på synkservern med ditt kontorskonto för att hantera katalogen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Serveradress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Användarnamn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lösenord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serveradress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Användarnamn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lösenord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fel vid inloggning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logga in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loggar in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv serverns adress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv ditt användarnamn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv ditt lösenord.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpanList</name>
    <message>
        <source>+ Lägg till tid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpanRow</name>
    <message>
        <source>Ta bort tiden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dygnet runt från {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>till nästa dag {t}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <source>Skriv vad du ser eller vad personen behöver, t.ex. ”tjej 15 sover ute”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sök</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laddar katalogen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StateDialog</name>
    <message>
        <source>Ändra status</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Ny status för %n rapporter.</source>
        <translation>
            <numerusform>Ny status för %n rapport.</numerusform>
            <numerusform>Ny status för %n rapporter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommentar (bara kontoret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Länk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen länk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lösning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tjänst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meddelande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nyckel i katalogen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Svara surfplattan som skickade rapporten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Svar på svenska</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Svar på engelska</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denna månad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Förra månaden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detta kvartal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detta år</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Egna datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Från</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jämför med föregående period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lägesrapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparar lägesrapporten som PDF och HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Räknar …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapporternas tabeller behöver områdets nyckel: öppna nyckelfilen under Publicera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2. Antal under 5 visas som ”&lt; 5”, antal som skyddar dem som ”x”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exportera CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriver lägesrapporten …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparad: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message>
        <source>Synkstatus: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tryck för att visa rapporterna</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Skickar %n rapporter…</source>
        <translation>
            <numerusform>Skickar %n rapport…</numerusform>
            <numerusform>Skickar %n rapporter…</numerusform>
        </translation>
    </message>
    <message>
        <source>Synkar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inte ansluten till någon server</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rapporter väntar</source>
        <translation>
            <numerusform>%n rapport väntar</numerusform>
            <numerusform>%n rapporter väntar</numerusform>
        </translation>
    </message>
    <message>
        <source>Alla rapporter skickade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{error} – försöker igen {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>senast synkad {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inte synkad ännu</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n avvisade</source>
        <translation>
            <numerusform>%n avvisad</numerusform>
            <numerusform>%n avvisade</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimeDialog</name>
    <message>
        <source>Välj tid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>När ska personen få hjälp?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum och tid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I kväll 23:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I morgon 08:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Om 2 timmar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <source>TT:MM</source>
        <extracomment>how often &quot;open now&quot; is worked out again while the editor is shown</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stänger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppnar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv en tid, till exempel 09:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24:00 går bara som stängningstid (öppna 00:00).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>”{text}” är ingen tid: skriv TT:MM, till exempel 09:30.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Ny användare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ändra användare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Användarnamn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Första lösenord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nytt lösenord (valfritt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lösenordet igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Områden (samordnare)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Områden som samordnaren får arbeta med</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lägg till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meddelande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ange ett namn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ange ett första lösenord.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lösenorden är inte lika. Skriv samma lösenord två gånger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En samordnare behöver minst ett område.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} lades till som {role}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} är ändrad ({role}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>administratör</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>samordnare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Användare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny användare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lägg till en kontorsanvändare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ändra…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ändra roll och områden för den valda användaren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppdatera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hämta listan över användare igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Områden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontorsanvändare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sammanfattning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meddelande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hämtar användarna…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logga in som administratör för att se och ändra kontorets användare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n kontorsanvändare</source>
        <translation>
            <numerusform>%n kontorsanvändare</numerusform>
            <numerusform>%n kontorsanvändare</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n avstängda</source>
        <translation>
            <numerusform>%n avstängd</numerusform>
            <numerusform>%n avstängda</numerusform>
        </translation>
    </message>
    <message>
        <source>alla områden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avstängd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktiv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktivera igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Låt den valda användaren logga in igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stäng av…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stäng av den valda användaren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stäng av användare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stänga av {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} kan inte logga in längre och är utloggad direkt. Det går att aktivera användaren igen senare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stäng av</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} är avstängd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} kan logga in igen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>(på svenska) {text}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <source>Allvar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fält</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppgift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Varför</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vad som behövs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hög</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Låg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motsägelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Härledd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inaktuell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utan källa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Att verifiera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tjänst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lösning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landmärke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meddelande</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorklistPage</name>
    <message>
        <source>Kontrollerar katalogen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n motsägelser</source>
        <translation>
            <numerusform>%n motsägelse</numerusform>
            <numerusform>%n motsägelser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n härledda</source>
        <translation>
            <numerusform>%n härledd</numerusform>
            <numerusform>%n härledda</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n inaktuella</source>
        <translation>
            <numerusform>%n inaktuell</numerusform>
            <numerusform>%n inaktuella</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n utan källa</source>
        <translation>
            <numerusform>%n utan källa</numerusform>
            <numerusform>%n utan källa</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n att verifiera</source>
        <translation>
            <numerusform>%n att verifiera</numerusform>
            <numerusform>%n att verifiera</numerusform>
        </translation>
    </message>
    <message>
        <source>Inget att kontrollera i katalogen just nu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n uppgifter behöver kontrolleras:</source>
        <translation>
            <numerusform>%n uppgift behöver kontrolleras:</numerusform>
            <numerusform>%n uppgifter behöver kontrolleras:</numerusform>
        </translation>
    </message>
    <message>
        <source>{high} höga, {medium} medel, {low} låga</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n visas med filtren.</source>
        <translation>
            <numerusform>%n visas med filtren.</numerusform>
            <numerusform>%n visas med filtren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Arbetslista</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Allvar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sök i listan (post, fält, text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sök i arbetslistan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrera på allvar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrera på slag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbetslista: uppgifter att kontrollera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Den valda uppgiften</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sammanfattning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppdatera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontrollera katalogen igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna i katalogen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna posten i katalogen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontrollerad idag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markera posten som kontrollerad idag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj en rad för att se hela texten. Dubbelklicka för att öppna posten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Varför: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vad som behövs: {fix}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_TableBox</name>
    <message>
        <source>Exportera CSV</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
