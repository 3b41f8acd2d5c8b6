<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>Backend %1 signalled.</source>
        <translation>Backend %1 wurde signalisiert.</translation>
    </message>
    <message>
        <source>Backend %1 had already ended.</source>
        <translation>Backend %1 war schon beendet.</translation>
    </message>
    <message>
        <source>The table aggregate_locks does not exist in %1. Create it with `lockctl --db %2 migrate`, then connect again.</source>
        <translation>Die Tabelle aggregate_locks gibt es in %1 nicht. Legen Sie sie mit `lockctl --db %2 migrate` an und verbinden Sie sich dann erneut.</translation>
    </message>
    <message>
        <source>Read-only: the profile &apos;%1&apos; is set to read-only.</source>
        <translation>Nur lesen: Das Profil „%1“ ist auf nur lesen gestellt.</translation>
    </message>
    <message>
        <source>invalid expiry (%1), never expires</source>
        <translation>ungültiger Ablauf (%1), läuft nie ab</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>expired %1</source>
        <translation>abgelaufen %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: released</source>
        <translation>%1: freigegeben</translation>
    </message>
    <message>
        <source>%1: changed since you looked — not released</source>
        <translation>%1: seit Ihrem Blick geändert — nicht freigegeben</translation>
    </message>
    <message>
        <source>%1: already gone — nothing to release</source>
        <translation>%1: schon weg — nichts freizugeben</translation>
    </message>
    <message>
        <source>(menu: Alt + underlined letters)</source>
        <translation>(Menü: Alt + unterstrichene Buchstaben)</translation>
    </message>
    <message>
        <source>• pid %1 — user %2, application &apos;%3&apos;%4: %5</source>
        <translation>• PID %1 — Benutzer %2, Anwendung &apos;%3&apos;%4: %5</translation>
    </message>
    <message>
        <source>, idle in transaction</source>
        <translation>, untätig in einer Transaktion</translation>
    </message>
    <message>
        <source>(no query)</source>
        <translation>(keine Abfrage)</translation>
    </message>
    <message numerus="yes">
        <source>End these %n sessions? Their locks are released and their open transactions roll back.</source>
        <translation>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel the running statement of these %n sessions?</source>
        <translation>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>

Each one is recorded in the audit log.</source>
        <translation>

Jede wird im Prüfprotokoll vermerkt.</translation>
    </message>
    <message>
        <source>pid %1: %2</source>
        <translation>PID %1: %2</translation>
    </message>
    <message>
        <source>pid %1: had already ended.</source>
        <translation>PID %1: war bereits beendet.</translation>
    </message>
    <message>
        <source>pid %1: terminated.</source>
        <translation>PID %1: beendet.</translation>
    </message>
    <message>
        <source>pid %1: statement cancelled.</source>
        <translation>PID %1: Anweisung abgebrochen.</translation>
    </message>
    <message>
        <source>no TTL, never expires</source>
        <translation>keine TTL, läuft nie ab</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::AboutDialog</name>
    <message>
        <source>About LockScope</source>
        <translation>Über LockScope</translation>
    </message>
    <message>
        <source>Who holds which lease or advisory lock, and why the rest wait: live leases counted down by the database&apos;s clock, PostgreSQL advisory locks with their blocking trees, owner-guarded sweep and force release, an audit log and a load generator.</source>
        <translation>Wer welche Lease oder Advisory-Sperre hält und warum die übrigen warten: Leases live, heruntergezählt nach der Uhr der Datenbank, PostgreSQL-Advisory-Sperren mit ihren Blockierbäumen, besitzergeschütztes Aufräumen und erzwungenes Freigeben, ein Prüfprotokoll und ein Lastgenerator.</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)
Database drivers: %3</source>
        <translation>Qt %1 (gebaut mit %2)
Datenbanktreiber: %3</translation>
    </message>
    <message>
        <source>LockScope %1</source>
        <translation>LockScope %1</translation>
    </message>
    <message>
        <source>PostgreSQL (QPSQL)</source>
        <translation>PostgreSQL (QPSQL)</translation>
    </message>
    <message>
        <source>PostgreSQL: not installed (Debian: libqt6sql6-psql)</source>
        <translation>PostgreSQL: nicht installiert (Debian: libqt6sql6-psql)</translation>
    </message>
    <message>
        <source>SQLite (QSQLITE)</source>
        <translation>SQLite (QSQLITE)</translation>
    </message>
    <message>
        <source>SQLite: not installed (Debian: libqt6sql6-sqlite)</source>
        <translation>SQLite: nicht installiert (Debian: libqt6sql6-sqlite)</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::ActivityTab</name>
    <message>
        <source>Filter by action, key, user, tool or outcome</source>
        <translation>Nach Aktion, Schlüssel, Benutzer, Werkzeug oder Ergebnis filtern</translation>
    </message>
    <message>
        <source>Every sweep, force release and backend signal, from LockScope and lockctl — including refused ones.</source>
        <translation>Jedes Aufräumen, erzwungene Freigeben und Backend-Signal, aus LockScope und lockctl — auch abgelehnte.</translation>
    </message>
    <message>
        <source>Copy &amp;target</source>
        <translation>&amp;Ziel kopieren</translation>
    </message>
    <message>
        <source>Copy row as &amp;JSON</source>
        <translation>Zeile als &amp;JSON kopieren</translation>
    </message>
    <message>
        <source>&amp;Filter by this user</source>
        <translation>Nach diesem Benutzer &amp;filtern</translation>
    </message>
    <message>
        <source>Filter by this t&amp;arget</source>
        <translation>Nach diesem &amp;Ziel filtern</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connect to a database to see who swept, force-released or signalled what, and when.</source>
        <translation>Verbinden Sie sich mit einer Datenbank, um zu sehen, wer was aufgeräumt, erzwungen freigegeben oder signalisiert hat, und wann.</translation>
    </message>
    <message>
        <source>Connect to a database…</source>
        <translation>Mit einer Datenbank verbinden…</translation>
    </message>
    <message>
        <source>Reading the audit log…</source>
        <translation>Lese das Prüfprotokoll…</translation>
    </message>
    <message>
        <source>No action matches the filter</source>
        <translation>Keine Aktion passt zum Filter</translation>
    </message>
    <message numerus="yes">
        <source>%n recorded action(s) are hidden by the filter.</source>
        <translation>
            <numerusform>%n aufgezeichnete Aktion ist durch den Filter ausgeblendet.</numerusform>
            <numerusform>%n aufgezeichnete Aktionen sind durch den Filter ausgeblendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Filter leeren</translation>
    </message>
    <message>
        <source>No admin action recorded yet</source>
        <translation>Noch keine Verwaltungsaktion aufgezeichnet</translation>
    </message>
    <message>
        <source>When someone sweeps expired leases, force-releases one or signals a backend — from LockScope or from lockctl — it is recorded here with who, when and the outcome, refused attempts too. Those actions are on the Leases and Advisory locks tabs.</source>
        <translation>Wenn jemand abgelaufene Leases aufräumt, eine erzwungen freigibt oder einem Backend ein Signal sendet — aus LockScope oder aus lockctl —, wird es hier mit wer, wann und Ergebnis aufgezeichnet, auch abgelehnte Versuche. Diese Aktionen finden Sie auf den Reitern Leases und Advisory-Sperren.</translation>
    </message>
    <message>
        <source>Show the leases</source>
        <translation>Die Leases zeigen</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::AdvisoryTab</name>
    <message>
        <source>Only this database</source>
        <translation>Nur diese Datenbank</translation>
    </message>
    <message>
        <source>Cancel query…</source>
        <translation>Anfrage abbrechen…</translation>
    </message>
    <message>
        <source>Terminate backend…</source>
        <translation>Backend beenden…</translation>
    </message>
    <message>
        <source>&amp;Cancel query of the selected session…</source>
        <translation>Anfrage der gewählten Sitzung a&amp;bbrechen…</translation>
    </message>
    <message>
        <source>&amp;Terminate the selected session…</source>
        <translation>Gewählte Sitzung b&amp;eenden…</translation>
    </message>
    <message>
        <source>Session (who blocks whom)</source>
        <translation>Sitzung (wer blockiert wen)</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Advisory lock keys belong to one database and only block sessions of that database. Unticked: every database on the server.</source>
        <translation>Schlüssel von Advisory-Sperren gehören zu einer Datenbank und blockieren nur Sitzungen dieser Datenbank. Nicht angehakt: jede Datenbank des Servers.</translation>
    </message>
    <message>
        <source>Waiting sessions are highlighted. The tree puts the root blockers first.</source>
        <translation>Wartende Sitzungen sind hervorgehoben. Der Baum zeigt die Wurzel-Blockierer zuerst.</translation>
    </message>
    <message>
        <source>Copy &amp;key</source>
        <translation>&amp;Schlüssel kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;PID</source>
        <translation>&amp;PID kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;application</source>
        <translation>&amp;Anwendung kopieren</translation>
    </message>
    <message>
        <source>Copy row as &amp;JSON</source>
        <translation>Zeile als &amp;JSON kopieren</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connect to a PostgreSQL database to see every advisory lock that a session holds or waits for, and who blocks whom.</source>
        <translation>Verbinden Sie sich mit einer PostgreSQL-Datenbank, um jede Advisory-Sperre zu sehen, die eine Sitzung hält oder auf die sie wartet, und wer wen blockiert.</translation>
    </message>
    <message>
        <source>Connect to a database…</source>
        <translation>Mit einer Datenbank verbinden…</translation>
    </message>
    <message>
        <source>Advisory locks exist only on PostgreSQL</source>
        <translation>Advisory-Sperren gibt es nur unter PostgreSQL</translation>
    </message>
    <message>
        <source>This is a SQLite database, so there are none to show; its leases are on the Leases tab.</source>
        <translation>Dies ist eine SQLite-Datenbank, also gibt es keine zu zeigen; ihre Leases stehen auf dem Reiter Leases.</translation>
    </message>
    <message>
        <source>Reading the advisory locks…</source>
        <translation>Lese die Advisory-Sperren…</translation>
    </message>
    <message>
        <source>No advisory lock in this database</source>
        <translation>Keine Advisory-Sperre in dieser Datenbank</translation>
    </message>
    <message numerus="yes">
        <source>%n advisory lock(s) are held or awaited in other databases of this server.</source>
        <translation>
            <numerusform>%n Advisory-Sperre wird in anderen Datenbanken dieses Servers gehalten oder erwartet.</numerusform>
            <numerusform>%n Advisory-Sperren werden in anderen Datenbanken dieses Servers gehalten oder erwartet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show every database</source>
        <translation>Jede Datenbank zeigen</translation>
    </message>
    <message>
        <source>No advisory lock is held or awaited</source>
        <translation>Keine Advisory-Sperre wird gehalten oder erwartet</translation>
    </message>
    <message>
        <source>Sessions take advisory locks with pg_advisory_lock(key) and friends; while one holds a key, the others that ask for it wait, and this tab shows who blocks whom. To hold one by hand, run:

%1</source>
        <translation>Sitzungen nehmen Advisory-Sperren mit pg_advisory_lock(key) und verwandten Funktionen; solange eine einen Schlüssel hält, warten die anderen, die danach fragen, und dieser Reiter zeigt, wer wen blockiert. Um eine von Hand zu halten, führen Sie aus:

%1</translation>
    </message>
    <message>
        <source>Copy the command</source>
        <translation>Befehl kopieren</translation>
    </message>
    <message>
        <source>Set up an advisory load</source>
        <translation>Eine Advisory-Last einrichten</translation>
    </message>
    <message>
        <source>holds %1</source>
        <translation>hält %1</translation>
    </message>
    <message>
        <source>waits for %1</source>
        <translation>wartet auf %1</translation>
    </message>
    <message>
        <source>pid %1%2</source>
        <translation>PID %1%2</translation>
    </message>
    <message numerus="yes">
        <source> — blocks %n</source>
        <translation>
            <numerusform> — blockiert %n</numerusform>
            <numerusform> — blockiert %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Select a session in the table first.</source>
        <translation>Wählen Sie zuerst eine Sitzung in der Tabelle.</translation>
    </message>
    <message>
        <source>Terminate backend</source>
        <translation>Backend beenden</translation>
    </message>
    <message>
        <source>Cancel query</source>
        <translation>Anfrage abbrechen</translation>
    </message>
    <message>
        <source>End the session of backend %1 (application &apos;%2&apos;)? Its session advisory locks are released and its open transaction rolls back.</source>
        <translation>Die Sitzung von Backend %1 (Anwendung „%2“) beenden? Ihre Advisory-Sitzungssperren werden freigegeben und ihre offene Transaktion wird zurückgerollt.</translation>
    </message>
    <message>
        <source>Cancel the running statement of backend %1 (application &apos;%2&apos;)?</source>
        <translation>Die laufende Anweisung von Backend %1 (Anwendung „%2“) abbrechen?</translation>
    </message>
    <message>
        <source>Filter by key, PID, application, user, client or query</source>
        <translation>Nach Schlüssel, PID, Anwendung, Benutzer, Client oder Abfrage filtern</translation>
    </message>
    <message>
        <source>Narrows the table to the locks whose key, PID, mode, application, user, client, state or query contains this text (any case). The tree below keeps every session, so a blocker stays in view.</source>
        <translation>Zeigt in der Tabelle nur die Sperren, deren Schlüssel, PID, Modus, Anwendung, Benutzer, Client, Zustand oder Abfrage diesen Text enthält (Groß- und Kleinschreibung egal). Der Baum darunter behält jede Sitzung, damit ein Blockierer sichtbar bleibt.</translation>
    </message>
    <message>
        <source>&amp;Filter by this application</source>
        <translation>Nach dieser Anwendung &amp;filtern</translation>
    </message>
    <message>
        <source>No advisory lock matches the filter</source>
        <translation>Keine Advisory-Sperre passt zum Filter</translation>
    </message>
    <message numerus="yes">
        <source>%n advisory lock(s) held or awaited on this server are hidden by the filter.</source>
        <translation>
            <numerusform>%n gehaltene oder erwartete Advisory-Sperre auf diesem Server ist durch den Filter ausgeblendet.</numerusform>
            <numerusform>%n gehaltene oder erwartete Advisory-Sperren auf diesem Server sind durch den Filter ausgeblendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Filter leeren</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::AdvisoryTableModel</name>
    <message>
        <source>shared</source>
        <translation>geteilt</translation>
    </message>
    <message>
        <source>exclusive</source>
        <translation>exklusiv</translation>
    </message>
    <message>
        <source>● held</source>
        <translation>● gehalten</translation>
    </message>
    <message>
        <source>○ WAITING</source>
        <translation>○ WARTET</translation>
    </message>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Waited</source>
        <translation>Gewartet</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>Blockiert von</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Transaction age</source>
        <translation>Alter der Transaktion</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>The backend&apos;s process ID on the server (pg_stat_activity.pid).</source>
        <translation>Die Prozess-ID des Backends auf dem Server (pg_stat_activity.pid).</translation>
    </message>
    <message>
        <source>The advisory lock&apos;s key: one bigint, or two ints shown as a pair.</source>
        <translation>Der Schlüssel der Advisory-Sperre: ein bigint oder zwei ints, als Paar gezeigt.</translation>
    </message>
    <message>
        <source>Exclusive or shared, as the session asked for it.</source>
        <translation>Exklusiv oder geteilt, wie die Sitzung sie angefordert hat.</translation>
    </message>
    <message>
        <source>Held (granted) or waiting for it; waiting rows are highlighted.</source>
        <translation>Gehalten (gewährt) oder darauf wartend; wartende Zeilen sind hervorgehoben.</translation>
    </message>
    <message>
        <source>How long a waiting session has waited: since its waiting statement started (pg_stat_activity.query_start), by the database clock.</source>
        <translation>Wie lange eine wartende Sitzung gewartet hat: seit dem Start ihrer wartenden Anweisung (pg_stat_activity.query_start), nach der Uhr der Datenbank.</translation>
    </message>
    <message>
        <source>The PIDs of the sessions this one waits behind (pg_blocking_pids).</source>
        <translation>Die PIDs der Sitzungen, hinter denen diese wartet (pg_blocking_pids).</translation>
    </message>
    <message>
        <source>The application_name the session connected with.</source>
        <translation>Der application_name, mit dem sich die Sitzung verbunden hat.</translation>
    </message>
    <message>
        <source>The database role of the session.</source>
        <translation>Die Datenbankrolle der Sitzung.</translation>
    </message>
    <message>
        <source>The client&apos;s address and port; empty for a local socket.</source>
        <translation>Adresse und Port des Clients; leer bei einem lokalen Socket.</translation>
    </message>
    <message>
        <source>The database the lock belongs to: advisory keys block only within one.</source>
        <translation>Die Datenbank, zu der die Sperre gehört: Advisory-Schlüssel blockieren nur innerhalb einer.</translation>
    </message>
    <message>
        <source>How long the session&apos;s current transaction has been open.</source>
        <translation>Wie lange die aktuelle Transaktion der Sitzung schon offen ist.</translation>
    </message>
    <message>
        <source>The session&apos;s state: active, idle, idle in transaction, …</source>
        <translation>Der Zustand der Sitzung: active, idle, idle in transaction, …</translation>
    </message>
    <message>
        <source>The session&apos;s current or last statement.</source>
        <translation>Die aktuelle oder letzte Anweisung der Sitzung.</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::AlertEngine</name>
    <message>
        <source>Session %1 blocks %2 sessions; %3 of them have waited %4 or longer.</source>
        <translation>Sitzung %1 blockiert %2 Sitzungen; %3 davon warten seit %4 oder länger.</translation>
    </message>
    <message>
        <source>%1 leases expired %2 ago or longer and were never swept (the oldest %3 ago).</source>
        <translation>%1 Leases sind seit %2 oder länger abgelaufen und wurden nie aufgeräumt (das älteste vor %3).</translation>
    </message>
    <message>
        <source>Owner %1 holds %2 live leases but has had no session on the server for %3 or longer.</source>
        <translation>Besitzer %1 hält %2 gültige Leases, hat aber seit %3 oder länger keine Sitzung auf dem Server.</translation>
    </message>
    <message>
        <source>%1 lock keys have had no expiry (TTL) for %2 or longer: %3.</source>
        <translation>%1 Sperrschlüssel haben seit %2 oder länger keinen Ablauf (TTL): %3.</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::AlertNotifier</name>
    <message>
        <source>LockScope</source>
        <translation>LockScope</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>KRITISCH</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>WARNUNG</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::AlertRulesDialog</name>
    <message>
        <source>&amp;Sessions that block others</source>
        <translation>&amp;Sitzungen, die andere blockieren</translation>
    </message>
    <message>
        <source> sessions</source>
        <translation> Sitzungen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Expired leases nobody swept</source>
        <translation>&amp;Abgelaufene Leases, die niemand aufräumt</translation>
    </message>
    <message>
        <source> leases</source>
        <translation> Leases</translation>
    </message>
    <message>
        <source>Alert thresholds</source>
        <translation>Alarmschwellen</translation>
    </message>
    <message>
        <source>Blocks at &amp;least:</source>
        <translation>Blockiert &amp;mindestens:</translation>
    </message>
    <message>
        <source>&amp;Warning after:</source>
        <translation>&amp;Warnung nach:</translation>
    </message>
    <message>
        <source>&amp;Critical after:</source>
        <translation>&amp;Kritisch nach:</translation>
    </message>
    <message>
        <source>&amp;At least:</source>
        <translation>M&amp;indestens:</translation>
    </message>
    <message>
        <source>Expired &amp;for:</source>
        <translation>Abgelaufen s&amp;eit:</translation>
    </message>
    <message>
        <source>Lease &amp;owners without a session (PostgreSQL)</source>
        <translation>Lease-&amp;Besitzer ohne Sitzung (PostgreSQL)</translation>
    </message>
    <message>
        <source>&amp;Redis lock keys without expiry</source>
        <translation>&amp;Redis-Sperrschlüssel ohne Ablauf</translation>
    </message>
    <message>
        <source>&amp;Gone for:</source>
        <translation>&amp;Getrennt seit:</translation>
    </message>
    <message>
        <source>&amp;Present for:</source>
        <translation>&amp;Vorhanden seit:</translation>
    </message>
    <message>
        <source>A blocker counts every session behind it, directly or not; it has blocked N sessions for as long as the N-th longest of their waits. Expired leases are counted from their own expiry time. An owner counts as gone, and a Redis key as without expiry, from the first refresh that saw it so; an owner whose session cannot be told (not PostgreSQL, or no rule matches its tokens) never alerts.</source>
        <translation>Ein Blockierer zählt jede Sitzung hinter ihm, direkt oder nicht; er blockiert N Sitzungen so lange, wie die N-längste ihrer Wartezeiten. Abgelaufene Leases zählen ab ihrem eigenen Ablaufzeitpunkt. Ein Besitzer gilt als getrennt und ein Redis-Schlüssel als ohne Ablauf ab der ersten Aktualisierung, die das sah; ein Besitzer, dessen Sitzung sich nicht feststellen lässt (nicht PostgreSQL, oder keine Regel passt auf seine Tokens), löst nie einen Alarm aus.</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::AlertTableModel</name>
    <message>
        <source>Session blocks others</source>
        <translation>Sitzung blockiert andere</translation>
    </message>
    <message>
        <source>Expired leases not swept</source>
        <translation>Abgelaufene Leases nicht aufgeräumt</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>KRITISCH</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>WARNUNG</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>WARNING or CRITICAL, by the thresholds in Alert thresholds…</source>
        <translation>WARNUNG oder KRITISCH, nach den Schwellen unter Alarmschwellen…</translation>
    </message>
    <message>
        <source>The rule that fired.</source>
        <translation>Die Regel, die ausgelöst hat.</translation>
    </message>
    <message>
        <source>What LockScope saw, at the last refresh while the alert was open.</source>
        <translation>Was LockScope bei der letzten Aktualisierung sah, während der Alarm offen war.</translation>
    </message>
    <message>
        <source>The connection profile it was seen on.</source>
        <translation>Das Verbindungsprofil, auf dem er auftrat.</translation>
    </message>
    <message>
        <source>When the alert started (its condition had held for the rule&apos;s duration).</source>
        <translation>Wann der Alarm begann (seine Bedingung galt da schon so lange, wie die Regel verlangt).</translation>
    </message>
    <message>
        <source>When its condition stopped holding; open while it still holds.</source>
        <translation>Wann seine Bedingung aufhörte zu gelten; offen, solange sie gilt.</translation>
    </message>
    <message>
        <source>Lease owner gone</source>
        <translation>Lease-Besitzer getrennt</translation>
    </message>
    <message>
        <source>Redis lock without expiry</source>
        <translation>Redis-Sperre ohne Ablauf</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::AlertsTab</name>
    <message>
        <source>Alert &amp;thresholds…</source>
        <translation>Alarm&amp;schwellen…</translation>
    </message>
    <message>
        <source>a session blocking %1 or more for %2 s (critical: %3 s)</source>
        <translation>eine Sitzung, die %1 oder mehr blockiert, seit %2 s (kritisch: %3 s)</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>%1 or more leases expired %2 s ago and not swept</source>
        <translation>%1 oder mehr Leases, die seit %2 s abgelaufen und nicht aufgeräumt sind</translation>
    </message>
    <message>
        <source>every rule is switched off</source>
        <translation>alle Regeln sind ausgeschaltet</translation>
    </message>
    <message>
        <source>No open alerts. Watching for: %1.</source>
        <translation>Keine offenen Alarme. Überwacht: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n open alert(s). Watching for: %1.</source>
        <translation>
            <numerusform>%n offener Alarm. Überwacht: %1.</numerusform>
            <numerusform>%n offene Alarme. Überwacht: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>a lease owner without a session for %1 s</source>
        <translation>ein Lease-Besitzer ohne Sitzung seit %1 s</translation>
    </message>
    <message>
        <source>a Redis lock key without expiry for %1 s</source>
        <translation>ein Redis-Sperrschlüssel ohne Ablauf seit %1 s</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::AuditTableModel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Database user</source>
        <translation>Datenbankbenutzer</translation>
    </message>
    <message>
        <source>OS user</source>
        <translation>Betriebssystem-Benutzer</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>Previous token</source>
        <translation>Vorheriges Token</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>When it happened, by the database&apos;s clock, in your time zone.</source>
        <translation>Wann es geschah, nach der Uhr der Datenbank, in Ihrer Zeitzone.</translation>
    </message>
    <message>
        <source>sweep, force-release, cancel-backend or terminate-backend.</source>
        <translation>sweep (aufräumen), force-release (erzwungen freigeben), cancel-backend (Anfrage abbrechen) oder terminate-backend (Backend beenden).</translation>
    </message>
    <message>
        <source>The lease key, the backend PID, or the expired leases of a sweep.</source>
        <translation>Der Lease-Schlüssel, die Backend-PID oder die abgelaufenen Leases eines Aufräumens.</translation>
    </message>
    <message>
        <source>What came of it: released, changed (left alone), absent, removed N, or refused and why.</source>
        <translation>Was daraus wurde: released (freigegeben), changed (unberührt gelassen), absent (fehlte), removed N (N entfernt) oder refused (abgelehnt) und warum.</translation>
    </message>
    <message>
        <source>The database role that did it.</source>
        <translation>Die Datenbankrolle, die es getan hat.</translation>
    </message>
    <message>
        <source>The operating-system user and host of the program that did it.</source>
        <translation>Benutzer und Rechner (Betriebssystem) des Programms, das es getan hat.</translation>
    </message>
    <message>
        <source>lockscope or lockctl.</source>
        <translation>lockscope oder lockctl.</translation>
    </message>
    <message>
        <source>The owner token the lease carried when it was force-released.</source>
        <translation>Das Besitzer-Token, das die Lease trug, als sie erzwungen freigegeben wurde.</translation>
    </message>
    <message>
        <source>Anything else recorded with it.</source>
        <translation>Alles, was sonst dazu aufgezeichnet wurde.</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::ConnectionDialog</name>
    <message>
        <source>Remember in the system keychain</source>
        <translation>Im Schlüsselbund des Systems merken</translation>
    </message>
    <message>
        <source>Read-only: never change anything through this profile</source>
        <translation>Nur lesen: über dieses Profil nie etwas ändern</translation>
    </message>
    <message>
        <source>Connect to a database</source>
        <translation>Mit einer Datenbank verbinden</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>empty: PGPASSWORD or ~/.pgpass</source>
        <translation>leer: PGPASSWORD oder ~/.pgpass</translation>
    </message>
    <message>
        <source>CA certificate file, for verify-ca and verify-full</source>
        <translation>CA-Zertifikatsdatei, für verify-ca und verify-full</translation>
    </message>
    <message>
        <source>Stored by the desktop&apos;s keychain, never in the settings file.</source>
        <translation>Im Schlüsselbund des Desktops gespeichert, nie in der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>No system keychain answered: the password is kept in memory only, for this session.</source>
        <translation>Kein Schlüsselbund des Systems hat geantwortet: Das Passwort bleibt nur im Speicher, für diese Sitzung.</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>TLS (sslmode)</source>
        <translation>TLS (sslmode)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation>Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Datenbankdatei</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>Gespeicherte Profile</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>Database kind</source>
        <translation>Art der Datenbank</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <source>SQLite database</source>
        <translation>SQLite-Datenbank</translation>
    </message>
    <message>
        <source>SQLite (*.db *.sqlite)</source>
        <translation>SQLite (*.db *.sqlite)</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem);;All files (*)</source>
        <translation>Zertifikate (*.crt *.pem);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>(new profile)</source>
        <translation>(neues Profil)</translation>
    </message>
    <message>
        <source>The file is created if it does not exist; create the lease table with `lockctl migrate`.</source>
        <translation>Die Datei wird angelegt, falls es sie nicht gibt; legen Sie die Lease-Tabelle mit `lockctl migrate` an.</translation>
    </message>
    <message>
        <source>Passwords come from this field, PGPASSWORD or ~/.pgpass. They are never written to the settings file.</source>
        <translation>Passwörter kommen aus diesem Feld, PGPASSWORD oder ~/.pgpass. Sie werden nie in die Einstellungsdatei geschrieben.</translation>
    </message>
    <message>
        <source>TLS (rediss://), verifying the server&apos;s certificate</source>
        <translation>TLS (rediss://), mit Prüfung des Serverzertifikats</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>Paste a connection URL to fill in the fields below. A password in it goes into the password field only, never into the settings.</source>
        <translation>Fügen Sie eine Verbindungs-URL ein, um die Felder unten auszufüllen. Ein Passwort darin kommt nur in das Passwortfeld, nie in die Einstellungen.</translation>
    </message>
    <message>
        <source>empty: the default user</source>
        <translation>leer: der Standardbenutzer</translation>
    </message>
    <message>
        <source>empty: REDISCLI_AUTH</source>
        <translation>leer: REDISCLI_AUTH</translation>
    </message>
    <message>
        <source>CA certificate file; empty: the system&apos;s</source>
        <translation>CA-Zertifikatsdatei; leer: die des Systems</translation>
    </message>
    <message>
        <source>e.g. locks: (prepended to every key)</source>
        <translation>z. B. locks: (jedem Schlüssel vorangestellt)</translation>
    </message>
    <message>
        <source>Database index</source>
        <translation>Datenbanknummer</translation>
    </message>
    <message>
        <source>ACL user</source>
        <translation>ACL-Benutzer</translation>
    </message>
    <message>
        <source>Key prefix</source>
        <translation>Schlüsselpräfix</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Locks are the keys under the prefix (SET key token NX PX ttl). The password comes from this field or REDISCLI_AUTH and is never written to the settings file.</source>
        <translation>Sperren sind die Schlüssel unter dem Präfix (SET key token NX PX ttl). Das Passwort kommt aus diesem Feld oder REDISCLI_AUTH und wird nie in die Einstellungsdatei geschrieben.</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::DemoRun</name>
    <message>
        <source>Demo, part 1 of 2: %1 threads take turns on %2 keys with leases, each held for about a second. Watch them count down and pass from owner to owner.</source>
        <translation>Demo, Teil 1 von 2: %1 Threads wechseln sich mit Leases auf %2 Schlüsseln ab, jede etwa eine Sekunde gehalten. Sehen Sie zu, wie sie herunterzählen und von Besitzer zu Besitzer wandern.</translation>
    </message>
    <message>
        <source>Demo, part 2 of 2: the same read-modify-write on the same keys, without any lock (the control). Watch the charts.</source>
        <translation>Demo, Teil 2 von 2: dasselbe Lesen-Ändern-Schreiben auf denselben Schlüsseln, ohne jede Sperre (die Kontrolle). Sehen Sie auf die Diagramme.</translation>
    </message>
    <message>
        <source>The demo stopped: %1</source>
        <translation>Die Demo wurde beendet: %1</translation>
    </message>
    <message>
        <source>With leases, %1 threads acquired %2 leases on %3 keys in %4 s; a thread waited %5 ms on average for its key (at most %6 ms) and %7 gave up waiting.</source>
        <translation>Mit Leases erhielten %1 Threads in %4 s %2 Leases auf %3 Schlüsseln; ein Thread wartete im Mittel %5 ms auf seinen Schlüssel (höchstens %6 ms), und %7 gaben das Warten auf.</translation>
    </message>
    <message>
        <source>Every update counted: one holder per key at a time.</source>
        <translation>Jede Änderung wurde gezählt: ein Halter je Schlüssel zur selben Zeit.</translation>
    </message>
    <message numerus="yes">
        <source>%n update(s) were lost even under the lease — that is a bug worth reporting.</source>
        <translation>
            <numerusform>%n Änderung ging sogar unter der Lease verloren — das ist ein Fehler, der gemeldet werden sollte.</numerusform>
            <numerusform>%n Änderungen gingen sogar unter der Lease verloren — das ist ein Fehler, der gemeldet werden sollte.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Without a lock, the same work made %1 updates in %2 s and lost %n of them: two threads read the same value and the second write overwrote the first.</source>
        <translation>
            <numerusform>Ohne Sperre machte dieselbe Arbeit %1 Änderungen in %2 s und verlor %n davon: Zwei Threads lasen denselben Wert, und das zweite Schreiben überschrieb das erste.</numerusform>
            <numerusform>Ohne Sperre machte dieselbe Arbeit %1 Änderungen in %2 s und verlor %n davon: Zwei Threads lasen denselben Wert, und das zweite Schreiben überschrieb das erste.</numerusform>
        </translation>
    </message>
    <message>
        <source>The control run without a lock was skipped.</source>
        <translation>Der Kontrolllauf ohne Sperre wurde ausgelassen.</translation>
    </message>
    <message>
        <source>No lease of the demo is left behind.</source>
        <translation>Keine Lease der Demo ist übrig geblieben.</translation>
    </message>
    <message numerus="yes">
        <source>%n lease(s) of the demo were left behind.</source>
        <translation>
            <numerusform>%n Lease der Demo ist übrig geblieben.</numerusform>
            <numerusform>%n Leases der Demo sind übrig geblieben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lockscope::ui::DocumentationDialog</name>
    <message>
        <source>LockScope Documentation</source>
        <translation>LockScope-Dokumentation</translation>
    </message>
    <message>
        <source>The documentation was not built into this program.</source>
        <translation>Die Dokumentation wurde nicht in dieses Programm eingebaut.</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::HistoryTab</name>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>Als CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 48 hours</source>
        <translation>Letzte 48 Stunden</translation>
    </message>
    <message>
        <source>Which part of the history to show. Drag over the chart to zoom into a range.</source>
        <translation>Welcher Teil des Verlaufs gezeigt wird. Über das Diagramm ziehen, um einen Bereich zu vergrößern.</translation>
    </message>
    <message>
        <source>Every sample of the range shown, as CSV.</source>
        <translation>Jede Messung des gezeigten Bereichs, als CSV.</translation>
    </message>
    <message>
        <source>Waits, blockers and locks over time</source>
        <translation>Wartende, Blockierer und Sperren im Zeitverlauf</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>longest wait (s)</source>
        <translation>längste Wartezeit (s)</translation>
    </message>
    <message>
        <source>waiting sessions</source>
        <translation>wartende Sitzungen</translation>
    </message>
    <message>
        <source>blocking sessions</source>
        <translation>blockierende Sitzungen</translation>
    </message>
    <message>
        <source>held leases</source>
        <translation>gehaltene Leases</translation>
    </message>
    <message>
        <source>expired leases</source>
        <translation>abgelaufene Leases</translation>
    </message>
    <message>
        <source>advisory held</source>
        <translation>Advisory gehalten</translation>
    </message>
    <message>
        <source>advisory waiting</source>
        <translation>Advisory wartend</translation>
    </message>
    <message>
        <source>longest wait</source>
        <translation>längste Wartezeit</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>Connect to a database: every refresh is recorded here.</source>
        <translation>Mit einer Datenbank verbinden: jede Aktualisierung wird hier aufgezeichnet.</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) of %1.</source>
        <translation>
            <numerusform>%n Messung von %1.</numerusform>
            <numerusform>%n Messungen von %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the history</source>
        <translation>Verlauf exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n sample(s).</source>
        <translation>
            <numerusform>%n Messung exportiert.</numerusform>
            <numerusform>%n Messungen exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lockscope::ui::LeaseTableModel</name>
    <message>
        <source>unfenced</source>
        <translation>ohne Fence</translation>
    </message>
    <message>
        <source>Written by another program: its owner is only known by its token.</source>
        <translation>Von einem anderen Programm geschrieben: Sein Besitzer ist nur durch sein Token bekannt.</translation>
    </message>
    <message>
        <source>Another program wrote this lease&apos;s expiry as %1, which is not a time: it never expires, no sweep removes it and no acquire takes it over. Force release removes it.</source>
        <translation>Ein anderes Programm hat als Ablauf dieser Lease %1 geschrieben, was keine Zeit ist: Sie läuft nie ab, kein Aufräumen entfernt sie und keine Anforderung übernimmt sie. Erzwungenes Freigeben entfernt sie.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>Expires at</source>
        <translation>Läuft ab um</translation>
    </message>
    <message>
        <source>Acquired at</source>
        <translation>Erhalten um</translation>
    </message>
    <message>
        <source>Fence</source>
        <translation>Fence</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>What is locked: the lease&apos;s key (lock_key).</source>
        <translation>Was gesperrt ist: der Schlüssel der Lease (lock_key).</translation>
    </message>
    <message>
        <source>Who holds it: the owner its program wrote, else its token.</source>
        <translation>Wer sie hält: der Besitzer, den ihr Programm geschrieben hat, sonst ihr Token.</translation>
    </message>
    <message>
        <source>Held, expiring (under %1 s left), expired (still in the table until a sweep or a take-over) or invalid (an expiry that is not a time).</source>
        <translation>Gehalten, läuft ab (weniger als %1 s übrig), abgelaufen (noch in der Tabelle bis zu einem Aufräumen oder einer Übernahme) oder ungültig (ein Ablauf, der keine Zeit ist).</translation>
    </message>
    <message>
        <source>Time left until expires_at, counted down by the database&apos;s clock (not this computer&apos;s); negative once expired.</source>
        <translation>Verbleibende Zeit bis expires_at, heruntergezählt nach der Uhr der Datenbank (nicht der dieses Rechners); negativ, sobald abgelaufen.</translation>
    </message>
    <message>
        <source>When the lease expires (expires_at, database clock), in your time zone.</source>
        <translation>Wann die Lease abläuft (expires_at, Uhr der Datenbank), in Ihrer Zeitzone.</translation>
    </message>
    <message>
        <source>When the current holder acquired it (acquired_at, database clock).</source>
        <translation>Wann der aktuelle Halter sie erhalten hat (acquired_at, Uhr der Datenbank).</translation>
    </message>
    <message>
        <source>The fencing token: strictly increases with every acquisition of the key, so a resource can refuse writes from an older holder. &quot;unfenced&quot;: written by a program that does not keep one.</source>
        <translation>Das Fencing-Token: wächst streng mit jedem Erhalt des Schlüssels, damit eine Ressource Schreibzugriffe eines älteren Halters ablehnen kann. „ohne Fence“: von einem Programm geschrieben, das keines führt.</translation>
    </message>
    <message>
        <source>The owner token, unique per acquisition: release and renew act only with it, and force release only if the lease still carries it.</source>
        <translation>Das Besitzer-Token, eindeutig je Erhalt: Freigeben und Verlängern wirken nur damit, und erzwungenes Freigeben nur, wenn die Lease es noch trägt.</translation>
    </message>
    <message>
        <source>invalid (%1)</source>
        <translation>ungültig (%1)</translation>
    </message>
    <message>
        <source>● held</source>
        <translation>● gehalten</translation>
    </message>
    <message>
        <source>◐ expiring</source>
        <translation>◐ läuft ab</translation>
    </message>
    <message>
        <source>✕ expired</source>
        <translation>✕ abgelaufen</translation>
    </message>
    <message>
        <source>⚠ invalid</source>
        <translation>⚠ ungültig</translation>
    </message>
    <message>
        <source>%1
owner token %2
expires %3 (database clock)</source>
        <translation>%1
Besitzer-Token %2
läuft ab %3 (Uhr der Datenbank)</translation>
    </message>
    <message>
        <source>never (no TTL)</source>
        <translation>nie (keine TTL)</translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <translation>%1 ×%2</translation>
    </message>
    <message>
        <source>⚠ no-expiry</source>
        <translation>⚠ ohne Ablauf</translation>
    </message>
    <message>
        <source>▣ %1</source>
        <translation>▣ %1</translation>
    </message>
    <message>
        <source>This Redis key has no TTL: the lock never frees itself (its holder may have died). Force release removes it if it still holds the value shown.</source>
        <translation>Dieser Redis-Schlüssel hat keine TTL: Die Sperre gibt sich nie selbst frei (ihr Halter ist vielleicht beendet). Erzwungene Freigabe entfernt sie, wenn sie noch den angezeigten Wert hat.</translation>
    </message>
    <message>
        <source>A Redis key of type %1, not a string lease: listed with its holder and hold count when it is a Redisson-style hash of one field. LockScope does not release it.</source>
        <translation>Ein Redis-Schlüssel vom Typ %1, kein String-Lease: mit Halter und Haltezähler aufgeführt, wenn er ein Hash mit einem Feld im Stil von Redisson ist. LockScope gibt ihn nicht frei.</translation>
    </message>
    <message>
        <source>Owner session</source>
        <translation>Besitzer-Sitzung</translation>
    </message>
    <message>
        <source>Whether the owner still has a session on the server (PostgreSQL): its pid and state, or &quot;gone&quot; -- check this before a force release. Another program&apos;s leases need an owner rule (View menu).</source>
        <translation>Ob der Besitzer noch eine Sitzung auf dem Server hat (PostgreSQL): ihre PID und ihr Zustand, oder „weg“ – vor einem erzwungenen Freigeben prüfen. Leases anderer Programme brauchen eine Besitzerregel (Menü Ansicht).</translation>
    </message>
    <message>
        <source>✕ gone</source>
        <translation>✕ weg</translation>
    </message>
    <message>
        <source>● pid %1</source>
        <translation>● PID %1</translation>
    </message>
    <message>
        <source>● pid %1 · %2</source>
        <translation>● PID %1 · %2</translation>
    </message>
    <message>
        <source>Not known: SQLite has no sessions, and a lease another program wrote needs an owner rule (View ▸ Lease owner rule…) that maps its token to the application_name of that program&apos;s sessions.</source>
        <translation>Nicht bekannt: SQLite hat keine Sitzungen, und eine Lease, die ein anderes Programm geschrieben hat, braucht eine Besitzerregel (Ansicht ▸ Lease-Besitzerregel…), die ihr Token dem application_name der Sitzungen dieses Programms zuordnet.</translation>
    </message>
    <message>
        <source>The owner has no session on the server any more (its process ended or its connection was cut): nobody will renew or release this lease.</source>
        <translation>Der Besitzer hat keine Sitzung mehr auf dem Server (sein Prozess endete oder seine Verbindung wurde getrennt): Niemand wird diese Lease erneuern oder freigeben.</translation>
    </message>
    <message>
        <source>not visible</source>
        <translation>nicht sichtbar</translation>
    </message>
    <message>
        <source>Session pid %1
state: %2
client: %3
application: %4
user: %5
connected since %6</source>
        <translation>Sitzung PID %1
Zustand: %2
Client: %3
Anwendung: %4
Benutzer: %5
verbunden seit %6</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::LeasesTab</name>
    <message>
        <source>Sweep expired…</source>
        <translation>Abgelaufene aufräumen…</translation>
    </message>
    <message>
        <source>Force release…</source>
        <translation>Erzwungen freigeben…</translation>
    </message>
    <message>
        <source>&amp;Sweep expired leases…</source>
        <translation>Abgelaufene Leases a&amp;ufräumen…</translation>
    </message>
    <message>
        <source>&amp;Force release selected…</source>
        <translation>Gewählte &amp;erzwungen freigeben…</translation>
    </message>
    <message>
        <source>Copy selected rows as JSON</source>
        <translation>Gewählte Zeilen als JSON kopieren</translation>
    </message>
    <message>
        <source>Filter by key, owner or token (glob: jobs/*)   Ctrl+F</source>
        <translation>Nach Schlüssel, Besitzer oder Token filtern (Glob: jobs/*)   Strg+F</translation>
    </message>
    <message>
        <source>All leases</source>
        <translation>Alle Leases</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Gehalten</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Copy &amp;key</source>
        <translation>&amp;Schlüssel kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;token</source>
        <translation>&amp;Token kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;owner</source>
        <translation>&amp;Besitzer kopieren</translation>
    </message>
    <message>
        <source>Copy row as &amp;JSON</source>
        <translation>Zeile als &amp;JSON kopieren</translation>
    </message>
    <message>
        <source>&amp;Filter by this owner</source>
        <translation>Nach diesem Besitzer &amp;filtern</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connect to a database…</source>
        <translation>Mit einer Datenbank verbinden…</translation>
    </message>
    <message>
        <source>Reading the leases…</source>
        <translation>Lese die Leases…</translation>
    </message>
    <message>
        <source>No lease matches the filter</source>
        <translation>Keine Lease passt zum Filter</translation>
    </message>
    <message numerus="yes">
        <source>%n lease(s) are hidden by the filter or the state chosen above.</source>
        <translation>
            <numerusform>%n Lease ist durch den Filter oder den oben gewählten Zustand ausgeblendet.</numerusform>
            <numerusform>%n Leases sind durch den Filter oder den oben gewählten Zustand ausgeblendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Filter leeren</translation>
    </message>
    <message>
        <source>No leases yet</source>
        <translation>Noch keine Leases</translation>
    </message>
    <message>
        <source>This is LockScope&apos;s own SQLite database, where nothing runs until you start something. A demo load lets a few threads fight over three keys for a few seconds: you see leases appear here, count down and pass from owner to owner, then what happens to the same work without a lock.</source>
        <translation>Dies ist die eigene SQLite-Datenbank von LockScope, in der nichts läuft, bis Sie etwas starten. Eine Demo-Last lässt einige Threads ein paar Sekunden lang um drei Schlüssel ringen: Sie sehen hier Leases erscheinen, herunterzählen und von Besitzer zu Besitzer wandern, danach, was mit derselben Arbeit ohne Sperre geschieht.</translation>
    </message>
    <message>
        <source>Start a demo load</source>
        <translation>Demo-Last starten</translation>
    </message>
    <message>
        <source>No leases in this database</source>
        <translation>Keine Leases in dieser Datenbank</translation>
    </message>
    <message>
        <source>A lease is a row of the aggregate_locks table that one program holds on a key until it releases it or its time runs out by the database&apos;s clock. Programs that use the lease library (or lockctl) make them; to make one by hand, run:

%1</source>
        <translation>Eine Lease ist eine Zeile der Tabelle aggregate_locks, die ein Programm auf einen Schlüssel hält, bis es sie freigibt oder ihre Zeit nach der Uhr der Datenbank abläuft. Programme, die die Lease-Bibliothek (oder lockctl) nutzen, legen sie an; um eine von Hand anzulegen, führen Sie aus:

%1</translation>
    </message>
    <message>
        <source>Copy the command</source>
        <translation>Befehl kopieren</translation>
    </message>
    <message>
        <source>Start a demo load…</source>
        <translation>Demo-Last starten…</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Delete every expired lease, in batches.</source>
        <translation>Jede abgelaufene Lease löschen, in Stapeln.</translation>
    </message>
    <message>
        <source>Release the selected leases if they still carry the token shown (Del).</source>
        <translation>Die gewählten Leases freigeben, falls sie noch das gezeigte Token tragen (Entf).</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Aufräumen</translation>
    </message>
    <message>
        <source>No lease has expired.</source>
        <translation>Keine Lease ist abgelaufen.</translation>
    </message>
    <message>
        <source>Sweep expired leases</source>
        <translation>Abgelaufene Leases aufräumen</translation>
    </message>
    <message numerus="yes">
        <source>%n expired lease(s) will be deleted from %1.</source>
        <translation>
            <numerusform>%n abgelaufene Lease wird aus %1 gelöscht.</numerusform>
            <numerusform>%n abgelaufene Leases werden aus %1 gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sweeping expired leases…</source>
        <translation>Räume abgelaufene Leases auf…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after removing %n expired lease(s).</source>
        <translation>
            <numerusform>Abgebrochen, nachdem %n abgelaufene Lease entfernt wurde.</numerusform>
            <numerusform>Abgebrochen, nachdem %n abgelaufene Leases entfernt wurden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n expired lease(s).</source>
        <translation>
            <numerusform>%n abgelaufene Lease entfernt.</numerusform>
            <numerusform>%n abgelaufene Leases entfernt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n locked by another transaction; sweep again later.</source>
        <translation>
            <numerusform>%n übersprungen, von einer anderen Transaktion gesperrt; räumen Sie später erneut auf.</numerusform>
            <numerusform>%n übersprungen, von einer anderen Transaktion gesperrt; räumen Sie später erneut auf.</numerusform>
        </translation>
    </message>
    <message>
        <source>• %1 — owner %2, %3</source>
        <translation>• %1 — Besitzer %2, %3</translation>
    </message>
    <message>
        <source>Force release</source>
        <translation>Erzwungen freigeben</translation>
    </message>
    <message>
        <source>Release these leases? Each is released only if it still carries the token shown here; one re-acquired since is left alone.

%1</source>
        <translation>Diese Leases freigeben? Jede wird nur freigegeben, wenn sie noch das hier gezeigte Token trägt; eine seither neu erhaltene bleibt unberührt.

%1</translation>
    </message>
    <message>
        <source>Connect to a PostgreSQL, SQLite or Redis database to see its leases: who holds which key, until when by the database&apos;s clock, and which expired without being released.</source>
        <translation>Verbinden Sie sich mit einer PostgreSQL-, SQLite- oder Redis-Datenbank, um ihre Leases zu sehen: wer welchen Schlüssel hält, bis wann nach der Uhr der Datenbank, und welche abgelaufen sind, ohne freigegeben zu werden.</translation>
    </message>
    <message>
        <source>No locks on this Redis server</source>
        <translation>Keine Sperren auf diesem Redis-Server</translation>
    </message>
    <message>
        <source>A Redis lock is a key set with SET key token NX PX ttl by one program until it deletes it or its TTL runs out by the server&apos;s clock. Keys under the profile&apos;s prefix are listed here; to make one by hand, run:

%1</source>
        <translation>Eine Redis-Sperre ist ein Schlüssel, den ein Programm mit SET key token NX PX ttl setzt, bis es ihn löscht oder seine TTL nach der Uhr des Servers abläuft. Schlüssel unter dem Präfix des Profils werden hier aufgeführt; um einen von Hand anzulegen, führen Sie aus:

%1</translation>
    </message>
    <message>
        <source>Nothing to sweep: Redis removes a key itself when its TTL runs out.</source>
        <translation>Nichts aufzuräumen: Redis entfernt einen Schlüssel selbst, wenn seine TTL abläuft.</translation>
    </message>
    <message>
        <source>%1 (a %2)</source>
        <translation>%1 (ein %2)</translation>
    </message>
    <message>
        <source>Not released: %1 is not a string lease. LockScope releases only string leases; delete other keys with redis-cli if you are sure.</source>
        <translation>Nicht freigegeben: %1 ist kein String-Lease. LockScope gibt nur String-Leases frei; löschen Sie andere Schlüssel mit redis-cli, wenn Sie sicher sind.</translation>
    </message>
    <message>
        <source>Left alone (not string leases): %1</source>
        <translation>Unverändert gelassen (keine String-Leases): %1</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::LoadCharts</name>
    <message>
        <source>acquired/s</source>
        <translation>erhalten/s</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>timeouts (total)</source>
        <translation>Zeitüberschreitungen (gesamt)</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Acquire latency</source>
        <translation>Latenz bis zum Erhalt</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>Zeitüberschreitungen</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::LoadPanel</name>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>lease (lease manager)</source>
        <translation>lease (Lease-Manager)</translation>
    </message>
    <message>
        <source>advisory (PostgreSQL)</source>
        <translation>advisory (Advisory-Sperre, PostgreSQL)</translation>
    </message>
    <message>
        <source>none (control: no lock)</source>
        <translation>none (Kontrolle: keine Sperre)</translation>
    </message>
    <message>
        <source>session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>transaction</source>
        <translation>Transaktion</translation>
    </message>
    <message>
        <source>0 = every key equally likely; &gt; 0 = Zipf skew, key 0 is the hot key.</source>
        <translation>0 = jeder Schlüssel gleich wahrscheinlich; &gt; 0 = Zipf-Schiefe, Schlüssel 0 ist der heiße Schlüssel.</translation>
    </message>
    <message>
        <source>lockctl was not found beside lockscope, so only threads of this process can run.</source>
        <translation>lockctl wurde neben lockscope nicht gefunden, also können nur Threads dieses Prozesses laufen.</translation>
    </message>
    <message>
        <source>Separate lockctl processes, each with the same threads.</source>
        <translation>Eigene lockctl-Prozesse, jeder mit denselben Threads.</translation>
    </message>
    <message>
        <source>Set up a workload and press Start. Its leases and advisory locks show up in the other tabs while it runs.</source>
        <translation>Richten Sie eine Last ein und drücken Sie Starten. Ihre Leases und Advisory-Sperren erscheinen in den anderen Reitern, solange sie läuft.</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Advisory scope</source>
        <translation>Advisory-Geltung</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Child processes</source>
        <translation>Kindprozesse</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Hot-key skew</source>
        <translation>Schiefe zum heißen Schlüssel</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Lease TTL</source>
        <translation>Lease-Lebensdauer</translation>
    </message>
    <message>
        <source>Max wait</source>
        <translation>Längste Wartezeit</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation>Erhalten</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>Zeitüberschreitungen</translation>
    </message>
    <message>
        <source>Mean wait</source>
        <translation>Mittlere Wartezeit</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Verletzungen</translation>
    </message>
    <message>
        <source>Connect to a database first.</source>
        <translation>Verbinden Sie sich zuerst mit einer Datenbank.</translation>
    </message>
    <message>
        <source>Advisory locks need PostgreSQL.</source>
        <translation>Advisory-Sperren brauchen PostgreSQL.</translation>
    </message>
    <message>
        <source>Running %1 mode, run %2…</source>
        <translation>Modus %1 läuft, Lauf %2…</translation>
    </message>
    <message>
        <source>%1 s: %2 acquired, %3/s, p99 %4 ms, %5 timeouts</source>
        <translation>%1 s: %2 erhalten, %3/s, p99 %4 ms, %5 Zeitüberschreitungen</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>(at the end)</source>
        <translation>(am Ende)</translation>
    </message>
    <message numerus="yes">
        <source>%n lost update(s) without a lock — the control shows what goes wrong.</source>
        <translation>
            <numerusform>%n verlorene Änderung ohne Sperre — die Kontrolle zeigt, was schiefgeht.</numerusform>
            <numerusform>%n verlorene Änderungen ohne Sperre — die Kontrolle zeigt, was schiefgeht.</numerusform>
        </translation>
    </message>
    <message>
        <source>0 violations: mutual exclusion held.</source>
        <translation>0 Verletzungen: Der gegenseitige Ausschluss hat gehalten.</translation>
    </message>
    <message numerus="yes">
        <source>%n VIOLATION(S) under a lock!</source>
        <translation>
            <numerusform>%n VERLETZUNG unter einer Sperre!</numerusform>
            <numerusform>%n VERLETZUNGEN unter einer Sperre!</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 mode, %2 process(es) × %3 threads, %4 s: %5 acquired (%6/s), p50 %7 ms, p99 %8 ms, %9 timeouts, %10 statements per acquisition. %11</source>
        <translation>Modus %1, %2 Prozess(e) × %3 Threads, %4 s: %5 erhalten (%6/s), p50 %7 ms, p99 %8 ms, %9 Zeitüberschreitungen, %10 Anweisungen je Erhalt. %11</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::LocksTab</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Cancel queries…</source>
        <translation>Abfragen abbrechen…</translation>
    </message>
    <message>
        <source>Terminate sessions…</source>
        <translation>Sitzungen beenden…</translation>
    </message>
    <message>
        <source>Session (who blocks whom)</source>
        <translation>Sitzung (wer blockiert wen)</translation>
    </message>
    <message>
        <source>Waits for</source>
        <translation>Wartet auf</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaktion</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Last query</source>
        <translation>Letzte Abfrage</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Server locks exist only on PostgreSQL. This is a SQLite database; its leases are on the Leases tab.</source>
        <translation>Serversperren gibt es nur bei PostgreSQL. Dies ist eine SQLite-Datenbank; ihre Leases stehen im Tab „Leases“.</translation>
    </message>
    <message>
        <source>Reading the server&apos;s locks…</source>
        <translation>Die Sperren des Servers werden gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>%n locks</source>
        <translation>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> of %n sessions</source>
        <translation>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n waiting, the longest for %1</source>
        <translation>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>; nobody waits</source>
        <translation>; niemand wartet</translation>
    </message>
    <message>
        <source> (* waits since the statement began: PostgreSQL before 14 does not record when a wait started)</source>
        <translation> (* wartet seit Beginn der Anweisung: PostgreSQL vor 14 hält nicht fest, wann ein Warten begann)</translation>
    </message>
    <message>
        <source>%1 on %2 for %3</source>
        <translation>%1 auf %2 seit %3</translation>
    </message>
    <message>
        <source>prepared transaction</source>
        <translation>vorbereitete Transaktion</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>verschwunden</translation>
    </message>
    <message>
        <source> for %1</source>
        <translation> seit %1</translation>
    </message>
    <message>
        <source>pid %1 (deadlock)</source>
        <translation>PID %1 (Deadlock)</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>Select one or more sessions first (Ctrl or Shift for several).</source>
        <translation>Wählen Sie zuerst eine oder mehrere Sitzungen aus (Strg oder Umschalt für mehrere).</translation>
    </message>
    <message>
        <source>Terminate sessions</source>
        <translation>Sitzungen beenden</translation>
    </message>
    <message>
        <source>Cancel queries</source>
        <translation>Abfragen abbrechen</translation>
    </message>
    <message>
        <source>Copy &amp;PID</source>
        <translation>&amp;PID kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;application</source>
        <translation>&amp;Anwendung kopieren</translation>
    </message>
    <message>
        <source>Copy last &amp;query</source>
        <translation>Letzte Abf&amp;rage kopieren</translation>
    </message>
    <message>
        <source>Copy what is &amp;locked</source>
        <translation>&amp;Gesperrtes kopieren</translation>
    </message>
    <message>
        <source>Copy row as &amp;JSON</source>
        <translation>Zeile als &amp;JSON kopieren</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::LocksTreeModel</name>
    <message>
        <source>prepared transactions</source>
        <translation>vorbereitete Transaktionen</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>PID %1</translation>
    </message>
    <message numerus="yes">
        <source>pid %1 (+%n parallel workers)</source>
        <translation>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n locks, </source>
        <translation>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n locks</source>
        <translation>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>prepared</source>
        <translation>vorbereitet</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>verschwunden</translation>
    </message>
    <message>
        <source> *</source>
        <translation> *</translation>
    </message>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source>%1 (worker %2)</source>
        <translation>%1 (Worker %2)</translation>
    </message>
    <message>
        <source>held</source>
        <translation>gehalten</translation>
    </message>
    <message>
        <source>WAITING</source>
        <translation>WARTET</translation>
    </message>
    <message>
        <source>held ≥ %1</source>
        <translation>gehalten ≥ %1</translation>
    </message>
    <message>
        <source>Session / lock</source>
        <translation>Sitzung / Sperre</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Waited / held</source>
        <translation>Gewartet / gehalten</translation>
    </message>
    <message>
        <source>Locked / last query</source>
        <translation>Gesperrt / letzte Abfrage</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>Blockiert von</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Transaction age</source>
        <translation>Alter der Transaktion</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::MainWindow</name>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>Stop the demo</source>
        <translation>Demo anhalten</translation>
    </message>
    <message>
        <source>LockScope</source>
        <translation>LockScope</translation>
    </message>
    <message>
        <source>Leases</source>
        <translation>Leases</translation>
    </message>
    <message>
        <source>Advisory locks</source>
        <translation>Advisory-Sperren</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Export visible rows as &amp;CSV…</source>
        <translation>Sichtbare Zeilen als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Export visible rows as &amp;JSON…</source>
        <translation>Sichtbare Zeilen als &amp;JSON exportieren…</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Datenbank</translation>
    </message>
    <message>
        <source>&amp;Filter leases</source>
        <translation>Leases &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Show &amp;%1 %2</source>
        <translation>&amp;%1 %2 zeigen</translation>
    </message>
    <message>
        <source>Reset &amp;layout</source>
        <translation>&amp;Layout zurücksetzen</translation>
    </message>
    <message>
        <source>Window size, columns, splitters, filters and the refresh interval as they were at the first start.</source>
        <translation>Fenstergröße, Spalten, Teiler, Filter und Aktualisierungsintervall wie beim ersten Start.</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>A&amp;ktionen</translation>
    </message>
    <message>
        <source>&amp;About LockScope</source>
        <translation>Ü&amp;ber LockScope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Start a &amp;demo load</source>
        <translation>&amp;Demo-Last starten</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>&amp;Dokumentation</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Refresh interval</source>
        <translation>Aktualisierungsintervall</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source> every </source>
        <translation> alle </translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation>Verbindung nicht möglich</translation>
    </message>
    <message>
        <source>Advisory locks exist only on PostgreSQL; this is a SQLite database.</source>
        <translation>Advisory-Sperren gibt es nur unter PostgreSQL; dies ist eine SQLite-Datenbank.</translation>
    </message>
    <message>
        <source>Advisory locks held or awaited by sessions of this PostgreSQL server, and who blocks whom.</source>
        <translation>Advisory-Sperren, die Sitzungen dieses PostgreSQL-Servers halten oder erwarten, und wer wen blockiert.</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>Connect to a database first: the demo runs on it.</source>
        <translation>Verbinden Sie sich zuerst mit einer Datenbank: Die Demo läuft darauf.</translation>
    </message>
    <message>
        <source>A load is already running on the Load tab; stop it first.</source>
        <translation>Auf dem Reiter Last läuft bereits eine Last; halten Sie sie zuerst an.</translation>
    </message>
    <message>
        <source>Start a demo load</source>
        <translation>Demo-Last starten</translation>
    </message>
    <message>
        <source>The demo runs on %1 for about 16 seconds: 6 threads take leases on 3 keys named load/…, and update a work table of LockScope&apos;s own; then the same updates run without a lock. It releases every lease and removes its counters at the end. Run it on this database?</source>
        <translation>Die Demo läuft etwa 16 Sekunden auf %1: 6 Threads nehmen Leases auf 3 Schlüssel namens load/… und ändern eine eigene Arbeitstabelle von LockScope; danach laufen dieselben Änderungen ohne Sperre. Am Ende gibt sie jede Lease frei und entfernt ihre Zähler. Auf dieser Datenbank ausführen?</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>This tab has no table to export.</source>
        <translation>Dieser Reiter hat keine Tabelle zum Exportieren.</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinde</translation>
    </message>
    <message>
        <source>Not connected — Database ▸ Connect… (Ctrl+O)</source>
        <translation>Nicht verbunden — Datenbank ▸ Verbinden… (Strg+O)</translation>
    </message>
    <message>
        <source> as %1</source>
        <translation> als %1</translation>
    </message>
    <message>
        <source> — read-only</source>
        <translation> — nur lesen</translation>
    </message>
    <message>
        <source>reconnecting… (%1)</source>
        <translation>verbinde neu… (%1)</translation>
    </message>
    <message>
        <source>%1 held, %2 expired</source>
        <translation>%1 gehalten, %2 abgelaufen</translation>
    </message>
    <message>
        <source>, %1 with an invalid expiry</source>
        <translation>, %1 mit ungültigem Ablauf</translation>
    </message>
    <message>
        <source> · %1 advisory (%2 waiting)</source>
        <translation> · %1 Advisory (%2 wartend)</translation>
    </message>
    <message>
        <source> · refreshed %1 s ago</source>
        <translation> · vor %1 s aktualisiert</translation>
    </message>
    <message>
        <source> · PAUSED</source>
        <translation> · ANGEHALTEN</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Server locks exist only on PostgreSQL; this is a SQLite database.</source>
        <translation>Serversperren gibt es nur bei PostgreSQL; dies ist eine SQLite-Datenbank.</translation>
    </message>
    <message>
        <source>Every lock on this PostgreSQL server, grouped by session, and who blocks whom.</source>
        <translation>Jede Sperre auf diesem PostgreSQL-Server, nach Sitzung gruppiert, und wer wen blockiert.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>Alarme (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n open alert(s)</source>
        <translation>
            <numerusform>%n offener Alarm</numerusform>
            <numerusform>%n offene Alarme</numerusform>
        </translation>
    </message>
    <message>
        <source>No open alerts</source>
        <translation>Keine offenen Alarme</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>The saved lease owner rule</source>
        <translation>Die gespeicherte Lease-Besitzerregel</translation>
    </message>
    <message>
        <source>Lease &amp;owner rule…</source>
        <translation>Lease-&amp;Besitzerregel…</translation>
    </message>
    <message>
        <source>Advisory locks exist only on PostgreSQL; this is a Redis server, whose locks are keys (Leases tab).</source>
        <translation>Advisory Locks gibt es nur in PostgreSQL; dies ist ein Redis-Server, dessen Sperren Schlüssel sind (Reiter Leases).</translation>
    </message>
    <message>
        <source>Server locks exist only on PostgreSQL; Redis has no lock table, its locks are keys (Leases tab).</source>
        <translation>Serversperren gibt es nur in PostgreSQL; Redis hat keine Sperrtabelle, seine Sperren sind Schlüssel (Reiter Leases).</translation>
    </message>
    <message>
        <source>%1 held, %2 without expiry, %3 of other types</source>
        <translation>%1 gehalten, %2 ohne Ablauf, %3 anderer Typen</translation>
    </message>
    <message>
        <source>The lease owner rule</source>
        <translation>Die Lease-Besitzerregel</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::OwnerRuleDialog</name>
    <message>
        <source>Lease owner rule</source>
        <translation>Lease-Besitzerregel</translation>
    </message>
    <message>
        <source>LockScope&apos;s own leases name their owner&apos;s sessions. For leases of other programs, a regular expression over the owner token whose first group is the application_name of that program&apos;s sessions (empty: no rule).</source>
        <translation>Die eigenen Leases von LockScope benennen die Sitzungen ihres Besitzers. Für Leases anderer Programme: ein regulärer Ausdruck über das Besitzer-Token, dessen erste Gruppe der application_name der Sitzungen dieses Programms ist (leer: keine Regel).</translation>
    </message>
    <message>
        <source>a token to try it on</source>
        <translation>ein Token zum Ausprobieren</translation>
    </message>
    <message>
        <source>&amp;Rule:</source>
        <translation>&amp;Regel:</translation>
    </message>
    <message>
        <source>&amp;Try a token:</source>
        <translation>Token &amp;ausprobieren:</translation>
    </message>
    <message>
        <source>The rule</source>
        <translation>Die Regel</translation>
    </message>
    <message>
        <source>No rule: other programs&apos; owners show as not known.</source>
        <translation>Keine Regel: Besitzer anderer Programme werden als unbekannt gezeigt.</translation>
    </message>
    <message>
        <source>Sessions named “%1” are this token&apos;s owner.</source>
        <translation>Sitzungen namens „%1“ sind der Besitzer dieses Tokens.</translation>
    </message>
    <message>
        <source>The rule does not match this token: its owner stays unknown.</source>
        <translation>Die Regel passt nicht auf dieses Token: Sein Besitzer bleibt unbekannt.</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::ServersTab</name>
    <message>
        <source>&amp;Check all now</source>
        <translation>Alle jetzt &amp;prüfen</translation>
    </message>
    <message>
        <source>No saved profiles: save one in Database ▸ Connect… and it shows here.</source>
        <translation>Keine gespeicherten Profile: Speichern Sie eines unter Datenbank ▸ Verbinden…, dann erscheint es hier.</translation>
    </message>
    <message>
        <source>%1 profiles: %2 reachable, %3 not reachable (at most %4 checked at once)</source>
        <translation>%1 Profile: %2 erreichbar, %3 nicht erreichbar (höchstens %4 gleichzeitig geprüft)</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::ServersTableModel</name>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>✕ %1</source>
        <translation>✕ %1</translation>
    </message>
    <message>
        <source>● reachable, no lease table</source>
        <translation>● erreichbar, keine Lease-Tabelle</translation>
    </message>
    <message>
        <source>● reachable</source>
        <translation>● erreichbar</translation>
    </message>
    <message>
        <source>● reachable (%1)</source>
        <translation>● erreichbar (%1)</translation>
    </message>
    <message>
        <source>probing…</source>
        <translation>wird abgefragt…</translation>
    </message>
    <message>
        <source>* before PostgreSQL 14: counted from the start of the waiting statement.</source>
        <translation>* vor PostgreSQL 14: ab dem Beginn der wartenden Anweisung gezählt.</translation>
    </message>
    <message>
        <source>The probe took %1 ms.</source>
        <translation>Die Abfrage dauerte %1 ms.</translation>
    </message>
    <message>
        <source>Double-click to open %1.</source>
        <translation>Doppelklick öffnet %1.</translation>
    </message>
    <message>
        <source>The saved connection profile.</source>
        <translation>Das gespeicherte Verbindungsprofil.</translation>
    </message>
    <message>
        <source>Where it connects (never with its password).</source>
        <translation>Wohin es sich verbindet (nie mit seinem Passwort).</translation>
    </message>
    <message>
        <source>Whether the server answered, or why not.</source>
        <translation>Ob der Server geantwortet hat, oder warum nicht.</translation>
    </message>
    <message>
        <source>Leases held now (by the server&apos;s clock).</source>
        <translation>Jetzt gehaltene Leases (nach der Uhr des Servers).</translation>
    </message>
    <message>
        <source>Leases expired but still in the table: a sweep removes them.</source>
        <translation>Abgelaufene Leases, die noch in der Tabelle stehen: Aufräumen entfernt sie.</translation>
    </message>
    <message>
        <source>Sessions waiting for a lock of any kind (PostgreSQL).</source>
        <translation>Sitzungen, die auf eine Sperre beliebiger Art warten (PostgreSQL).</translation>
    </message>
    <message>
        <source>The longest of those waits.</source>
        <translation>Die längste dieser Wartezeiten.</translation>
    </message>
    <message>
        <source>When the server was last looked at.</source>
        <translation>Wann der Server zuletzt geprüft wurde.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Gehalten</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>Längste Wartezeit</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>KRITISCH</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>WARNUNG</translation>
    </message>
    <message>
        <source>Open alerts by the rules of Alerts ▸ thresholds, and the worst severity; the tooltip names them. Redis profiles are not probed.</source>
        <translation>Offene Alarme nach den Regeln unter Alarmschwellen, und der schwerste Grad; der Tooltip nennt sie. Redis-Profile werden nicht geprüft.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::SharedLockTreeModel</name>
    <message>
        <source>permit %1</source>
        <translation>Erlaubnis %1</translation>
    </message>
    <message>
        <source>reader</source>
        <translation>Leser</translation>
    </message>
    <message>
        <source>writer</source>
        <translation>Schreiber</translation>
    </message>
    <message>
        <source>waiting writer</source>
        <translation>wartender Schreiber</translation>
    </message>
    <message>
        <source>waiting reader</source>
        <translation>wartender Leser</translation>
    </message>
    <message>
        <source>semaphore: %1 of %2 permits held</source>
        <translation>Semaphor: %1 von %2 Erlaubnissen belegt</translation>
    </message>
    <message>
        <source>reader-writer: %1 readers, %2 writer, %3 waiting writers</source>
        <translation>Leser-Schreiber: %1 Leser, %2 Schreiber, %3 wartende Schreiber</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>held</source>
        <translation>gehalten</translation>
    </message>
    <message>
        <source>Key / holder</source>
        <translation>Schlüssel / Halter</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Fence</source>
        <translation>Fence</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::SharedLocksPanel</name>
    <message>
        <source>Semaphores and reader-writer leases</source>
        <translation>Semaphoren und Leser-Schreiber-Leases</translation>
    </message>
    <message>
        <source>Release holder…</source>
        <translation>Halter freigeben…</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Release the selected holder if it still carries the token shown.</source>
        <translation>Den ausgewählten Halter freigeben, wenn er noch das angezeigte Token trägt.</translation>
    </message>
    <message>
        <source>Release holder</source>
        <translation>Halter freigeben</translation>
    </message>
    <message>
        <source>Release this holder of %1? It is released only if it still carries the token shown; a holder that came since is left alone.

• %2 — owner %3</source>
        <translation>Diesen Halter von %1 freigeben? Er wird nur freigegeben, wenn er noch das angezeigte Token trägt; ein seither hinzugekommener Halter bleibt unberührt.

• %2 — Besitzer %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: holder released</source>
        <translation>%1: Halter freigegeben</translation>
    </message>
    <message>
        <source>%1: that holder is already gone — nothing to release</source>
        <translation>%1: dieser Halter ist schon weg — nichts freizugeben</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::ShortcutsDialog</name>
    <message>
        <source>Table ▸ Copy the selected rows as JSON (Leases)</source>
        <translation>Tabelle ▸ Die gewählten Zeilen als JSON kopieren (Leases)</translation>
    </message>
    <message>
        <source>Table ▸ Menu of the current row</source>
        <translation>Tabelle ▸ Menü der aktuellen Zeile</translation>
    </message>
    <message>
        <source>Menu key, %1</source>
        <translation>Menütaste, %1</translation>
    </message>
    <message>
        <source>Table ▸ Force release the selected leases</source>
        <translation>Tabelle ▸ Die gewählten Leases erzwungen freigeben</translation>
    </message>
    <message>
        <source>Tabs ▸ Next / previous tab</source>
        <translation>Reiter ▸ Nächster / vorheriger Reiter</translation>
    </message>
    <message>
        <source>Ctrl+Tab, Ctrl+Shift+Tab</source>
        <translation>Strg+Tab, Strg+Umschalt+Tab</translation>
    </message>
    <message>
        <source>Window ▸ Next / previous control</source>
        <translation>Fenster ▸ Nächstes / vorheriges Bedienelement</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Umschalt+Tab</translation>
    </message>
    <message>
        <source>Menus ▸ Open a menu</source>
        <translation>Menüs ▸ Ein Menü öffnen</translation>
    </message>
    <message>
        <source>Alt + the underlined letter, or F10</source>
        <translation>Alt + der unterstrichene Buchstabe, oder F10</translation>
    </message>
    <message>
        <source>Dialogs ▸ Close without changing anything</source>
        <translation>Dialoge ▸ Schließen, ohne etwas zu ändern</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
</context>
</TS>
