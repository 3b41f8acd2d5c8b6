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
    <message>
        <source>Read-only: LockScope was started with --read-only.</source>
        <translation>Nur lesen: LockScope wurde mit --read-only gestartet.</translation>
    </message>
</context>
<context>
    <name>lockscope::AdminActions</name>
    <message>
        <source>The sweep batch size must be between 1 and 1000000, not %1.</source>
        <translation>Die Stapelgröße des Aufräumens muss zwischen 1 und 1000000 liegen, nicht %1.</translation>
    </message>
    <message>
        <source>count the expired leases</source>
        <translation>die abgelaufenen Leases zu zählen</translation>
    </message>
    <message>
        <source>sweep the expired leases</source>
        <translation>die abgelaufenen Leases aufzuräumen</translation>
    </message>
    <message>
        <source>The expected owner token is empty. Give the token shown by `lockctl list`, or force the release without one.</source>
        <translation>Das erwartete Besitzer-Token ist leer. Geben Sie das Token an, das `lockctl list` zeigt, oder erzwingen Sie die Freigabe ohne Token.</translation>
    </message>
    <message>
        <source>force-release the lease &apos;%1&apos;</source>
        <translation>die Lease „%1“ erzwungen freizugeben</translation>
    </message>
    <message>
        <source>Cannot %1: its row stayed locked by another transaction for %2 (%3). Nothing was released. End that transaction (`lockctl terminate-backend %4`) or wait for it, then try again.</source>
        <translation>%1 nicht möglich: Die Zeile blieb %2 lang von einer anderen Transaktion gesperrt (%3). Nichts wurde freigegeben. Beenden Sie diese Transaktion (`lockctl terminate-backend %4`) oder warten Sie auf sie und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Cannot %1: its row stayed locked by another transaction for %2. Nothing was released. `lockctl locks` lists the sessions and the transactions they hold open: end that transaction (`lockctl terminate-backend PID`) or wait for it, then try again.</source>
        <translation>%1 nicht möglich: Die Zeile blieb %2 lang von einer anderen Transaktion gesperrt. Nichts wurde freigegeben. `lockctl locks` listet die Sitzungen und die Transaktionen, die sie offen halten: Beenden Sie diese Transaktion (`lockctl terminate-backend PID`) oder warten Sie auf sie und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>lockscope::AdvisoryInspector</name>
    <message>
        <source>Advisory locks exist only on PostgreSQL; this is a SQLite database, so there are none to show.</source>
        <translation>Advisory-Sperren gibt es nur unter PostgreSQL; dies ist eine SQLite-Datenbank, es gibt also keine anzuzeigen.</translation>
    </message>
    <message>
        <source>list the advisory locks</source>
        <translation>die Advisory-Sperren aufzulisten</translation>
    </message>
</context>
<context>
    <name>lockscope::AdvisoryKey</name>
    <message>
        <source>&apos;%1&apos; is not an advisory lock key. Give a 64-bit integer (42), a pair of 32-bit integers (1,2), or text:STRING to have the server hash a string.</source>
        <translation>„%1“ ist kein Schlüssel einer Advisory-Sperre. Geben Sie eine 64-Bit-Ganzzahl (42), ein Paar 32-Bit-Ganzzahlen (1,2) oder text:ZEICHENKETTE an, damit der Server eine Zeichenkette hasht.</translation>
    </message>
</context>
<context>
    <name>lockscope::AdvisoryLock</name>
    <message>
        <source>Advisory locks exist only on PostgreSQL; this is a SQLite database. Use a lease (`lockctl acquire`) instead.</source>
        <translation>Advisory-Sperren gibt es nur unter PostgreSQL; dies ist eine SQLite-Datenbank. Nehmen Sie stattdessen eine Lease (`lockctl acquire`).</translation>
    </message>
    <message>
        <source>configure the lock&apos;s connection</source>
        <translation>die Verbindung der Sperre einzurichten</translation>
    </message>
    <message>
        <source>Cannot %1: the lock&apos;s connection is closed (the server ended the session); a session lock is gone with it.</source>
        <translation>Nicht möglich, %1: Die Verbindung der Sperre ist geschlossen (der Server hat die Sitzung beendet); eine Sitzungssperre ist mit ihr verschwunden.</translation>
    </message>
    <message>
        <source>take the advisory lock %1</source>
        <translation>die Advisory-Sperre %1 zu nehmen</translation>
    </message>
    <message>
        <source>The wait for the advisory lock %1 was cancelled; nothing is held.</source>
        <translation>Das Warten auf die Advisory-Sperre %1 wurde abgebrochen; nichts wird gehalten.</translation>
    </message>
    <message>
        <source>Gave up waiting for the advisory lock %1 after %2 ms: another session holds it. See who with `lockctl advisory`.</source>
        <translation>Warten auf die Advisory-Sperre %1 nach %2 ms aufgegeben: Eine andere Sitzung hält sie. Wer, zeigt `lockctl advisory`.</translation>
    </message>
    <message>
        <source>release the advisory lock %1</source>
        <translation>die Advisory-Sperre %1 freizugeben</translation>
    </message>
    <message>
        <source>The advisory lock %1 was no longer held by this session (its connection was reset).</source>
        <translation>Die Advisory-Sperre %1 wurde von dieser Sitzung nicht mehr gehalten (ihre Verbindung wurde zurückgesetzt).</translation>
    </message>
    <message>
        <source>end the advisory lock&apos;s transaction</source>
        <translation>die Transaktion der Advisory-Sperre zu beenden</translation>
    </message>
    <message>
        <source>check the lock&apos;s connection</source>
        <translation>die Verbindung der Sperre zu prüfen</translation>
    </message>
</context>
<context>
    <name>lockscope::AdvisoryLockWatch</name>
    <message>
        <source>check the advisory lock %1</source>
        <translation>die Advisory-Sperre %1 zu prüfen</translation>
    </message>
    <message>
        <source>The advisory lock %1 is no longer held: its session (server process %2) ended -- terminated, its connection cut, or the server restarted -- and the server released it. Stop the work it protects.</source>
        <translation>Die Advisory-Sperre %1 wird nicht mehr gehalten: Ihre Sitzung (Serverprozess %2) endete -- beendet, ihre Verbindung getrennt oder der Server neu gestartet -- und der Server hat sie freigegeben. Beenden Sie die Arbeit, die sie schützt.</translation>
    </message>
    <message>
        <source>The advisory lock %1 could not be confirmed for %2: %3 Its session may be gone; stop the work it protects.</source>
        <translation>Die Advisory-Sperre %1 konnte %2 lang nicht bestätigt werden: %3 Ihre Sitzung ist vielleicht weg; beenden Sie die Arbeit, die sie schützt.</translation>
    </message>
</context>
<context>
    <name>lockscope::AuditLog</name>
    <message>
        <source>record the action in the audit log</source>
        <translation>die Aktion im Prüfprotokoll zu vermerken</translation>
    </message>
    <message>
        <source>read the audit log</source>
        <translation>das Prüfprotokoll zu lesen</translation>
    </message>
</context>
<context>
    <name>lockscope::BackendActions</name>
    <message>
        <source>Backends exist only on PostgreSQL; this is a SQLite database.</source>
        <translation>Backends gibt es nur unter PostgreSQL; dies ist eine SQLite-Datenbank.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a backend pid. Give the pid shown by `lockctl advisory`.</source>
        <translation>„%1“ ist keine Backend-PID. Geben Sie die PID an, die `lockctl advisory` zeigt.</translation>
    </message>
</context>
<context>
    <name>lockscope::Catalog</name>
    <message>
        <source>look up the table %1</source>
        <translation>die Tabelle %1 nachzuschlagen</translation>
    </message>
</context>
<context>
    <name>lockscope::ConnectionParams</name>
    <message>
        <source>Invalid database URL: %1. Use postgres://user@host:port/database, sqlite:///absolute/path.db or redis://user@host:port/db.</source>
        <translation>Ungültige Datenbank-URL: %1. Verwenden Sie postgres://benutzer@host:port/datenbank, sqlite:///absoluter/pfad.db oder redis://benutzer@host:port/db.</translation>
    </message>
    <message>
        <source>it cannot be parsed (%1)</source>
        <translation>Sie lässt sich nicht auswerten (%1)</translation>
    </message>
    <message>
        <source>the port must be between 1 and 65535</source>
        <translation>Der Port muss zwischen 1 und 65535 liegen</translation>
    </message>
    <message>
        <source>sslmode must be one of %1, not &apos;%2&apos;</source>
        <translation>sslmode muss einer von %1 sein, nicht „%2“</translation>
    </message>
    <message>
        <source>connect_timeout must be whole seconds from 1 to 3600</source>
        <translation>connect_timeout muss eine ganze Zahl von Sekunden zwischen 1 und 3600 sein</translation>
    </message>
    <message>
        <source>the parameter &apos;%1&apos; is not supported (use sslmode, sslrootcert, connect_timeout or application_name)</source>
        <translation>Der Parameter „%1“ wird nicht unterstützt (verwenden Sie sslmode, sslrootcert, connect_timeout oder application_name)</translation>
    </message>
    <message>
        <source>Invalid database URL: %1.</source>
        <translation>Ungültige Datenbank-URL: %1.</translation>
    </message>
    <message>
        <source>a SQLite URL has no host: write sqlite:///absolute/path.db (three slashes) or sqlite:relative.db</source>
        <translation>Eine SQLite-URL hat keinen Host: Schreiben Sie sqlite:///absoluter/pfad.db (drei Schrägstriche) oder sqlite:relativ.db</translation>
    </message>
    <message>
        <source>the SQLite file path is empty</source>
        <translation>Der Pfad der SQLite-Datei ist leer</translation>
    </message>
    <message>
        <source>the %1 value contains %2, which the Qt PostgreSQL driver cannot pass on to libpq as it is; use %3</source>
        <translation>Der Wert von %1 enthält %2, was der Qt-PostgreSQL-Treiber nicht unverändert an libpq weitergeben kann; verwenden Sie %3</translation>
    </message>
    <message>
        <source>a NUL character</source>
        <translation>ein NUL-Zeichen</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>Sie ist leer</translation>
    </message>
    <message>
        <source>it has no scheme</source>
        <translation>Sie hat kein Schema</translation>
    </message>
    <message>
        <source>the scheme &apos;%1&apos; is not supported</source>
        <translation>Das Schema „%1“ wird nicht unterstützt</translation>
    </message>
</context>
<context>
    <name>lockscope::ConnectionPool</name>
    <message>
        <source>The wait for a connection of the pool &apos;%1&apos; was cancelled.</source>
        <translation>Das Warten auf eine Verbindung des Pools „%1“ wurde abgebrochen.</translation>
    </message>
    <message>
        <source>All %1 connections of the pool &apos;%2&apos; stayed in use for %3. If their holders wait for another connection from this same pool, that is a deadlock: give locks a pool of their own (CriticalSection does), or make the pool larger.</source>
        <translation>Alle %1 Verbindungen des Pools „%2“ blieben %3 lang belegt. Wenn ihre Halter auf eine weitere Verbindung aus demselben Pool warten, ist das eine Verklemmung: Geben Sie Sperren einen eigenen Pool (wie CriticalSection es tut), oder vergrößern Sie den Pool.</translation>
    </message>
</context>
<context>
    <name>lockscope::CriticalSection</name>
    <message>
        <source>A critical section needs two pools: its lock is held on a connection from one while its work runs on a connection from the other. With one shared pool every connection can end up holding a lock and waiting for work -- a deadlock. Make a second ConnectionPool for the locks.</source>
        <translation>Ein kritischer Abschnitt braucht zwei Pools: Seine Sperre wird auf einer Verbindung aus dem einen gehalten, während seine Arbeit auf einer Verbindung aus dem anderen läuft. Mit einem gemeinsamen Pool kann am Ende jede Verbindung eine Sperre halten und auf Arbeit warten -- eine Verklemmung. Legen Sie einen zweiten ConnectionPool für die Sperren an.</translation>
    </message>
    <message>
        <source>Advisory locks exist only on PostgreSQL; on SQLite use a lease (LeaseManager) around the work.</source>
        <translation>Advisory-Sperren gibt es nur unter PostgreSQL; unter SQLite legen Sie eine Lease (LeaseManager) um die Arbeit.</translation>
    </message>
    <message>
        <source>take the advisory lock %1</source>
        <translation>die Advisory-Sperre %1 zu nehmen</translation>
    </message>
    <message>
        <source>Gave up waiting for the advisory lock %1 after %2: another session holds it.</source>
        <translation>Warten auf die Advisory-Sperre %1 nach %2 aufgegeben: Eine andere Sitzung hält sie.</translation>
    </message>
    <message>
        <source>release the advisory lock %1</source>
        <translation>die Advisory-Sperre %1 freizugeben</translation>
    </message>
</context>
<context>
    <name>lockscope::CycleBenchmark</name>
    <message>
        <source>--clients must be from 1 to 256, not %1.</source>
        <translation>--clients muss zwischen 1 und 256 liegen, nicht %1.</translation>
    </message>
    <message>
        <source>--duration must be longer than zero.</source>
        <translation>--duration muss länger als null sein.</translation>
    </message>
</context>
<context>
    <name>lockscope::Database</name>
    <message>
        <source>Cannot open the SQLite database %1: %2. Check that the path is a file you may read and write.</source>
        <translation>Die SQLite-Datenbank %1 lässt sich nicht öffnen: %2. Prüfen Sie, ob der Pfad eine Datei ist, die Sie lesen und schreiben dürfen.</translation>
    </message>
    <message>
        <source>PostgreSQL at %1 refused the login of role &apos;%2&apos;: %3. Check the user name and the password (PGPASSWORD or ~/.pgpass).</source>
        <translation>PostgreSQL auf %1 hat die Anmeldung der Rolle „%2“ abgelehnt: %3. Prüfen Sie den Benutzernamen und das Passwort (PGPASSWORD oder ~/.pgpass).</translation>
    </message>
    <message>
        <source>The database &apos;%1&apos; does not exist on %2. Check the database name in the URL, or create it with createdb.</source>
        <translation>Die Datenbank „%1“ gibt es auf %2 nicht. Prüfen Sie den Datenbanknamen in der URL, oder legen Sie sie mit createdb an.</translation>
    </message>
    <message>
        <source>TLS to PostgreSQL at %1 failed: %2. Check sslmode and the certificate authority (sslrootcert).</source>
        <translation>TLS zu PostgreSQL auf %1 ist fehlgeschlagen: %2. Prüfen Sie sslmode und die Zertifizierungsstelle (sslrootcert).</translation>
    </message>
    <message>
        <source>Cannot connect to PostgreSQL at %1: %2. Check the host and port, and that the server is running and accepts TCP connections.</source>
        <translation>Keine Verbindung zu PostgreSQL auf %1: %2. Prüfen Sie Host und Port, und ob der Server läuft und TCP-Verbindungen annimmt.</translation>
    </message>
    <message>
        <source>The Qt SQL driver %1 is not installed. Install %2.</source>
        <translation>Der Qt-SQL-Treiber %1 ist nicht installiert. Installieren Sie %2.</translation>
    </message>
    <message>
        <source>open the database</source>
        <translation>die Datenbank zu öffnen</translation>
    </message>
    <message>
        <source>read the database</source>
        <translation>die Datenbank zu lesen</translation>
    </message>
    <message>
        <source>Cannot read the SQLite database %1: it is read-only for you and its write-ahead log %1-wal has not been merged into it. Open it once as a user who may write it (any lockctl command does), then read it again.</source>
        <translation>Die SQLite-Datenbank %1 lässt sich nicht lesen: Sie ist für Sie schreibgeschützt, und ihr Write-Ahead-Log %1-wal wurde noch nicht eingespielt. Öffnen Sie sie einmal als Benutzer, der sie schreiben darf (jeder lockctl-Befehl tut das), und lesen Sie sie dann erneut.</translation>
    </message>
    <message>
        <source>This works on PostgreSQL and SQLite only, not on Redis (%1). On Redis, lockctl offers list, acquire, release, audit, load and bench cycle.</source>
        <translation>Das geht nur unter PostgreSQL und SQLite, nicht unter Redis (%1). Für Redis bietet lockctl list, acquire, release, audit, load und bench cycle.</translation>
    </message>
    <message>
        <source>Cannot open the SQLite database %1: the directory %2 does not exist. Create it first, or choose another path.</source>
        <translation>Die SQLite-Datenbank %1 lässt sich nicht öffnen: Das Verzeichnis %2 gibt es nicht. Legen Sie es zuerst an, oder wählen Sie einen anderen Pfad.</translation>
    </message>
    <message>
        <source>Cannot open the SQLite database %1: it is a directory. Give the path of a database file.</source>
        <translation>Die SQLite-Datenbank %1 lässt sich nicht öffnen: Sie ist ein Verzeichnis. Geben Sie den Pfad einer Datenbankdatei an.</translation>
    </message>
    <message>
        <source>Cannot connect to PostgreSQL at %1: %2.</source>
        <translation>Keine Verbindung zu PostgreSQL auf %1: %2.</translation>
    </message>
    <message>
        <source>Cannot %1: a LockScope table is missing in %2 (%3). Run `lockctl migrate` to create it.</source>
        <translation>Nicht möglich, %1: In %2 fehlt eine Tabelle von LockScope (%3). Führen Sie `lockctl migrate` aus, um sie anzulegen.</translation>
    </message>
    <message>
        <source>Cannot %1: permission denied to role &apos;%2&apos; (%3). Use a role with that privilege; this one can only inspect.</source>
        <translation>Nicht möglich, %1: Der Rolle „%2“ fehlt die Berechtigung (%3). Verwenden Sie eine Rolle mit diesem Recht; diese kann nur ansehen.</translation>
    </message>
    <message>
        <source>Cannot %1: the SQLite database %2 is read-only. Check the permissions of the file and its directory.</source>
        <translation>Nicht möglich, %1: Die SQLite-Datenbank %2 ist schreibgeschützt. Prüfen Sie die Rechte der Datei und ihres Verzeichnisses.</translation>
    </message>
    <message>
        <source>Cannot %1: %2 is not a valid SQLite database (%3). Point LockScope at another file, or restore this one.</source>
        <translation>Nicht möglich, %1: %2 ist keine gültige SQLite-Datenbank (%3). Geben Sie LockScope eine andere Datei, oder stellen Sie diese wieder her.</translation>
    </message>
    <message>
        <source>Cannot %1: the SQLite database %2 stayed locked by another connection. Try again, or find the process holding it.</source>
        <translation>Nicht möglich, %1: Die SQLite-Datenbank %2 blieb von einer anderen Verbindung gesperrt. Versuchen Sie es erneut, oder suchen Sie den Prozess, der sie hält.</translation>
    </message>
    <message>
        <source>Cannot %1: the database reported a conflict with a concurrent transaction (%2). Try again.</source>
        <translation>Nicht möglich, %1: Die Datenbank meldete einen Konflikt mit einer gleichzeitigen Transaktion (%2). Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cannot %1: the statement was cancelled or ran past its timeout (%2). The server may be heavily locked; try again.</source>
        <translation>Nicht möglich, %1: Die Anweisung wurde abgebrochen oder lief über ihr Zeitlimit (%2). Der Server ist vielleicht stark gesperrt; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cannot %1: the connection to %2 was lost (%3). Check that the server is running; LockScope reconnects on the next try.</source>
        <translation>Nicht möglich, %1: Die Verbindung zu %2 ging verloren (%3). Prüfen Sie, ob der Server läuft; LockScope verbindet sich beim nächsten Versuch neu.</translation>
    </message>
    <message>
        <source>Cannot %1: %2</source>
        <translation>Nicht möglich, %1: %2</translation>
    </message>
    <message>
        <source>Cannot open the SQLite database %1: there is no such file. Check the path (LockScope creates the file only when it writes to it).</source>
        <translation>Die SQLite-Datenbank %1 lässt sich nicht öffnen: Diese Datei gibt es nicht. Prüfen Sie den Pfad (LockScope legt die Datei erst an, wenn es in sie schreibt).</translation>
    </message>
</context>
<context>
    <name>lockscope::Duration</name>
    <message>
        <source>%1 must be a duration such as 250ms, 3s, 1.5s or 2m, not &apos;%2&apos;.</source>
        <translation>%1 muss eine Dauer wie 250ms, 3s, 1.5s oder 2m sein, nicht „%2“.</translation>
    </message>
    <message>
        <source>%1 of &apos;%2&apos; is too long; the maximum is one year.</source>
        <translation>%1 von „%2“ ist zu lang; das Maximum ist ein Jahr.</translation>
    </message>
</context>
<context>
    <name>lockscope::ExpiryCheck</name>
    <message>
        <source>The lease &apos;%1&apos; has an invalid expiry (%2) written by another program: it never expires, so waiting cannot get it. Remove it with `lockctl release --force -- %3`.</source>
        <translation>Die Lease „%1“ hat einen ungültigen Ablauf (%2), den ein anderes Programm geschrieben hat: Sie läuft nie ab, Warten bringt sie also nicht. Entfernen Sie sie mit `lockctl release --force -- %3`.</translation>
    </message>
</context>
<context>
    <name>lockscope::FencedWrite</name>
    <message>
        <source>write to &apos;%1&apos; with fence %2</source>
        <translation>mit Fence %2 in „%1“ zu schreiben</translation>
    </message>
    <message>
        <source>read the fence of &apos;%1&apos;</source>
        <translation>den Fence von „%1“ zu lesen</translation>
    </message>
</context>
<context>
    <name>lockscope::GlobPattern</name>
    <message>
        <source>the class %1 contains no character, so nothing can match; put the characters between the brackets, as in [!a]</source>
        <translation>Die Klasse %1 enthält kein Zeichen, also kann nichts passen; setzen Sie die Zeichen zwischen die Klammern, wie in [!a]</translation>
    </message>
    <message>
        <source>the range %1-%2 runs backwards; write it as %2-%1</source>
        <translation>Der Bereich %1-%2 läuft rückwärts; schreiben Sie ihn als %2-%1</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is not a valid glob: %3.</source>
        <translation>%1 „%2“ ist kein gültiges Glob-Muster: %3.</translation>
    </message>
</context>
<context>
    <name>lockscope::HandoffBenchmark</name>
    <message>
        <source>--rounds must be at least 1.</source>
        <translation>--rounds muss mindestens 1 sein.</translation>
    </message>
    <message>
        <source>%1 lock() calls failed during the run.</source>
        <translation>%1 lock()-Aufrufe sind während des Laufs fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>lockscope::HolderRelease</name>
    <message>
        <source>The owner token is empty. Give the token of the holder shown by `lockctl list`.</source>
        <translation>Das Besitzer-Token ist leer. Geben Sie das Token des Halters an, das `lockctl list` zeigt.</translation>
    </message>
    <message>
        <source>release the holder %1 of &apos;%2&apos;</source>
        <translation>den Halter %1 von „%2“ freizugeben</translation>
    </message>
    <message>
        <source>Cannot %1: a row it changes stayed locked by another transaction for %2. Nothing was released. `lockctl locks` lists the sessions and the transactions they hold open: end that transaction (`lockctl terminate-backend PID`) or wait for it, then try again.</source>
        <translation>%1 nicht möglich: Eine Zeile, die dabei geändert wird, blieb %2 lang von einer anderen Transaktion gesperrt. Nichts wurde freigegeben. `lockctl locks` listet die Sitzungen und die Transaktionen, die sie offen halten: Beenden Sie diese Transaktion (`lockctl terminate-backend PID`) oder warten Sie auf sie und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>lockscope::IdleKinds</name>
    <message>
        <source>drop the kinds of idle semaphores and reader-writer keys</source>
        <translation>die Arten ungenutzter Semaphor- und Leser-Schreiber-Schlüssel zu entfernen</translation>
    </message>
</context>
<context>
    <name>lockscope::Lease</name>
    <message>
        <source>The lease &apos;%1&apos; was already released.</source>
        <translation>Die Lease „%1“ wurde schon freigegeben.</translation>
    </message>
    <message>
        <source>The lease &apos;%1&apos; has a heartbeat that renews it with its TTL of %2; renewing it with another TTL meanwhile would leave the heartbeat&apos;s loss deadline wrong. Renew without a TTL, or configure the TTL on the LeaseManager.</source>
        <translation>Die Lease „%1“ hat einen Heartbeat, der sie mit ihrer TTL von %2 erneuert; sie zwischendurch mit einer anderen TTL zu erneuern, ließe die Verlustfrist des Heartbeats falsch. Erneuern Sie ohne TTL, oder stellen Sie die TTL am LeaseManager ein.</translation>
    </message>
    <message>
        <source>The lease &apos;%1&apos; is no longer held with this token: it expired, or an operator released it.</source>
        <translation>Die Lease „%1“ wird nicht mehr mit diesem Token gehalten: Sie ist abgelaufen, oder ein Operator hat sie freigegeben.</translation>
    </message>
</context>
<context>
    <name>lockscope::LeaseBackend</name>
    <message>
        <source>%1 the lease &apos;%2&apos;</source>
        <translation>die Lease „%2“ %1</translation>
    </message>
    <message>
        <source>release</source>
        <translation>freizugeben</translation>
    </message>
    <message>
        <source>wait for</source>
        <translation>als erwartet einzutragen</translation>
    </message>
    <message>
        <source>stop waiting for</source>
        <translation>nicht mehr als erwartet einzutragen</translation>
    </message>
    <message>
        <source>check the lease &apos;%1&apos;</source>
        <translation>die Lease „%1“ zu prüfen</translation>
    </message>
    <message>
        <source>acquire</source>
        <translation>zu erhalten</translation>
    </message>
    <message>
        <source>acquire the lease &apos;%1&apos;</source>
        <translation>die Lease „%1“ zu erhalten</translation>
    </message>
    <message>
        <source>release the lease &apos;%1&apos;</source>
        <translation>die Lease „%1“ freizugeben</translation>
    </message>
    <message>
        <source>renew the lease &apos;%1&apos;</source>
        <translation>die Lease „%1“ zu erneuern</translation>
    </message>
    <message>
        <source>No time was left to renew the lease &apos;%1&apos;.</source>
        <translation>Es blieb keine Zeit, die Lease „%1“ zu erneuern.</translation>
    </message>
    <message>
        <source>The lease &apos;%1&apos; could not be tried: its row on %2 stayed locked by another transaction (a program that wrote or locked the row and has not committed, or a server too busy to answer). %3</source>
        <translation>Die Lease &apos;%1&apos; konnte nicht versucht werden: Ihre Zeile auf %2 blieb von einer anderen Transaktion gesperrt (ein Programm, das die Zeile geschrieben oder gesperrt und nicht festgeschrieben hat, oder ein zu stark ausgelasteter Server). %3</translation>
    </message>
    <message>
        <source>The lease &apos;%1&apos; is not released yet: its row on %2 stayed locked by another transaction (a program that wrote or locked the row and has not committed, or a server too busy to answer). It is released with this process&apos;s next lease statement, else it expires at its TTL. %3</source>
        <translation>Die Lease &apos;%1&apos; ist noch nicht freigegeben: Ihre Zeile auf %2 blieb von einer anderen Transaktion gesperrt (ein Programm, das die Zeile geschrieben oder gesperrt und nicht festgeschrieben hat, oder ein zu stark ausgelasteter Server). Sie wird mit der nächsten Lease-Anweisung dieses Prozesses freigegeben, sonst läuft sie nach ihrer TTL ab. %3</translation>
    </message>
    <message>
        <source>renew</source>
        <translation>zu verlängern</translation>
    </message>
</context>
<context>
    <name>lockscope::LeaseHeartbeat</name>
    <message>
        <source>The lease &apos;%1&apos; is no longer held with this token: it expired and was taken over, or an operator released or swept it. Stop the work it protects.</source>
        <translation>Die Lease „%1“ wird nicht mehr mit diesem Token gehalten: Sie ist abgelaufen und wurde übernommen, oder ein Operator hat sie freigegeben oder aufgeräumt. Beenden Sie die Arbeit, die sie schützt.</translation>
    </message>
    <message>
        <source>The lease &apos;%1&apos; could not be renewed before it could expire on the database (%2 after it was last confirmed, with a %3 safety margin)%4. Stop the work it protects.</source>
        <translation>Die Lease „%1“ konnte nicht erneuert werden, bevor sie in der Datenbank ablaufen konnte (%2 nach ihrer letzten Bestätigung, mit %3 Sicherheitsabstand)%4. Beenden Sie die Arbeit, die sie schützt.</translation>
    </message>
</context>
<context>
    <name>lockscope::LeaseManager</name>
    <message>
        <source>Gave up waiting for the lease &apos;%1&apos; after %2: another owner still holds it. Wait longer, or see who holds it with `lockctl list`.</source>
        <translation>Warten auf die Lease „%1“ nach %2 aufgegeben: Ein anderer Besitzer hält sie noch. Warten Sie länger, oder sehen Sie mit `lockctl list` nach, wer sie hält.</translation>
    </message>
    <message>
        <source>The lease &apos;%1&apos; could not be taken: the database %2 was locked by another connection (a write transaction of another program). Find it with `fuser %2`, or try again with a longer --wait.</source>
        <translation>Die Lease „%1“ konnte nicht genommen werden: Die Datenbank %2 war von einer anderen Verbindung gesperrt (einer Schreibtransaktion eines anderen Programms). Finden Sie es mit `fuser %2`, oder versuchen Sie es erneut mit einem längeren --wait.</translation>
    </message>
    <message>
        <source>The wait for the lease &apos;%1&apos; was cancelled; nothing is held.</source>
        <translation>Das Warten auf die Lease „%1“ wurde abgebrochen; nichts wird gehalten.</translation>
    </message>
    <message>
        <source>The lease &apos;%1&apos; is held by another thread of this process.</source>
        <translation>Die Lease „%1“ wird von einem anderen Thread dieses Prozesses gehalten.</translation>
    </message>
    <message>
        <source>The lease &apos;%1&apos; is held by another owner.</source>
        <translation>Die Lease „%1“ wird von einem anderen Besitzer gehalten.</translation>
    </message>
    <message>
        <source>Gave up after %1. %2</source>
        <translation>Nach %1 aufgegeben. %2</translation>
    </message>
    <message>
        <source>a permit of the semaphore &apos;%1&apos;</source>
        <translation>eine Erlaubnis des Semaphors „%1“</translation>
    </message>
    <message>
        <source>a read share of &apos;%1&apos;</source>
        <translation>einen Leseanteil von „%1“</translation>
    </message>
    <message>
        <source>the write share of &apos;%1&apos;</source>
        <translation>den Schreibanteil von „%1“</translation>
    </message>
    <message>
        <source>the lease &apos;%1&apos;</source>
        <translation>die Lease „%1“</translation>
    </message>
    <message>
        <source>Gave up waiting for %1 after %2: %3. Wait longer, or see who holds it with `lockctl list`.</source>
        <translation>Warten auf %1 nach %2 aufgegeben: %3. Warten Sie länger, oder sehen Sie mit `lockctl list` nach, wer sie hält.</translation>
    </message>
    <message>
        <source>every permit is held</source>
        <translation>alle Erlaubnisse sind belegt</translation>
    </message>
    <message>
        <source>it is held</source>
        <translation>noch belegt</translation>
    </message>
    <message>
        <source>The wait for %1 was cancelled; nothing is held.</source>
        <translation>Das Warten auf %1 wurde abgebrochen; nichts wird gehalten.</translation>
    </message>
    <message>
        <source>A semaphore has between 1 and %1 permits, not %2. Give a number in that range.</source>
        <translation>Ein Semaphor hat zwischen 1 und %1 Erlaubnisse, nicht %2. Geben Sie eine Zahl in diesem Bereich an.</translation>
    </message>
    <message>
        <source>Gave up waiting for %1 after %2: the key&apos;s rows stayed locked by another transaction (a program that wrote or locked them and has not committed). `lockctl locks` lists the sessions and the transactions they hold open: end that transaction (`lockctl terminate-backend PID`) or wait for it.</source>
        <translation>Warten auf %1 nach %2 aufgegeben: Die Zeilen des Schlüssels blieben von einer anderen Transaktion gesperrt (ein Programm, das sie geschrieben oder gesperrt und nicht committet hat). `lockctl locks` listet die Sitzungen und die Transaktionen, die sie offen halten: Beenden Sie diese Transaktion (`lockctl terminate-backend PID`) oder warten Sie auf sie.</translation>
    </message>
</context>
<context>
    <name>lockscope::LeaseQueries</name>
    <message>
        <source>list the leases</source>
        <translation>die Leases aufzulisten</translation>
    </message>
    <message>
        <source>look up the lease &apos;%1&apos;</source>
        <translation>die Lease „%1“ nachzuschlagen</translation>
    </message>
    <message>
        <source>read the database clock</source>
        <translation>die Uhr der Datenbank zu lesen</translation>
    </message>
    <message>
        <source>check whether this role may read the fences</source>
        <translation>prüfen, ob diese Rolle die Fences lesen darf</translation>
    </message>
    <message>
        <source>Fences are not shown: the role %1 may not read lockscope_fences. To see them, have the table&apos;s owner run: GRANT SELECT ON lockscope_fences TO %1;</source>
        <translation>Fences werden nicht angezeigt: Die Rolle %1 darf lockscope_fences nicht lesen. Damit sie sichtbar werden, lassen Sie den Eigentümer der Tabelle ausführen: GRANT SELECT ON lockscope_fences TO %1;</translation>
    </message>
</context>
<context>
    <name>lockscope::LoadConfig</name>
    <message>
        <source>--mode must be lease, advisory, none, semaphore or rw, not &apos;%1&apos;.</source>
        <translation>--mode muss lease, advisory, none, semaphore oder rw sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>--threads must be from 1 to 256, not %1.</source>
        <translation>--threads muss zwischen 1 und 256 liegen, nicht %1.</translation>
    </message>
    <message>
        <source>--processes must be from 0 to 32, not %1.</source>
        <translation>--processes muss zwischen 0 und 32 liegen, nicht %1.</translation>
    </message>
    <message>
        <source>--keys must be from 1 to 100000, not %1.</source>
        <translation>--keys muss zwischen 1 und 100000 liegen, nicht %1.</translation>
    </message>
    <message>
        <source>--skew must be from 0 (uniform) to 10, not %1.</source>
        <translation>--skew muss zwischen 0 (gleichverteilt) und 10 liegen, nicht %1.</translation>
    </message>
    <message>
        <source>--hold-range must be LOW:HIGH with LOW &lt;= HIGH.</source>
        <translation>--hold-range muss LOW:HIGH mit LOW &lt;= HIGH sein.</translation>
    </message>
    <message>
        <source>--ttl must be longer than zero.</source>
        <translation>--ttl muss länger als null sein.</translation>
    </message>
    <message>
        <source>Give --duration or --count, so the run stops by itself.</source>
        <translation>Geben Sie --duration oder --count an, damit der Lauf von selbst endet.</translation>
    </message>
    <message>
        <source>--count must be at least 1.</source>
        <translation>--count muss mindestens 1 sein.</translation>
    </message>
    <message>
        <source>--permits must be from 1 to 1000, not %1.</source>
        <translation>--permits muss zwischen 1 und 1000 liegen, nicht %1.</translation>
    </message>
    <message>
        <source>--readers and --writers must add up to the threads (%1 readers of %2 threads).</source>
        <translation>--readers und --writers müssen zusammen die Threads ergeben (%1 Leser von %2 Threads).</translation>
    </message>
    <message>
        <source>--mode advisory needs PostgreSQL; this is a %1. Use --mode lease.</source>
        <translation>--mode advisory braucht PostgreSQL; dies ist %1. Verwenden Sie --mode lease.</translation>
    </message>
    <message>
        <source>Redis server</source>
        <translation>ein Redis-Server</translation>
    </message>
    <message>
        <source>SQLite database</source>
        <translation>eine SQLite-Datenbank</translation>
    </message>
    <message>
        <source>--admit-by-counting is the control of --mode semaphore.</source>
        <translation>--admit-by-counting ist die Kontrolle zu --mode semaphore.</translation>
    </message>
    <message>
        <source>--no-lock is the control of --mode rw.</source>
        <translation>--no-lock ist die Kontrolle zu --mode rw.</translation>
    </message>
</context>
<context>
    <name>lockscope::LoadInside</name>
    <message>
        <source>prepare the load probe</source>
        <translation>die Lastsonde vorzubereiten</translation>
    </message>
    <message>
        <source>enter the load section</source>
        <translation>den Lastabschnitt zu betreten</translation>
    </message>
    <message>
        <source>leave the load section</source>
        <translation>den Lastabschnitt zu verlassen</translation>
    </message>
    <message>
        <source>read the load probe</source>
        <translation>die Lastsonde zu lesen</translation>
    </message>
    <message>
        <source>drop the load probe</source>
        <translation>die Lastsonde zu entfernen</translation>
    </message>
</context>
<context>
    <name>lockscope::LoadWorkTable</name>
    <message>
        <source>prepare the load counters</source>
        <translation>die Lastzähler vorzubereiten</translation>
    </message>
    <message>
        <source>read a load counter</source>
        <translation>einen Lastzähler zu lesen</translation>
    </message>
    <message>
        <source>write a load counter</source>
        <translation>einen Lastzähler zu schreiben</translation>
    </message>
    <message>
        <source>read the load counters</source>
        <translation>die Lastzähler zu lesen</translation>
    </message>
    <message>
        <source>check for leftover leases</source>
        <translation>nach übrig gebliebenen Leases zu suchen</translation>
    </message>
    <message>
        <source>drop the load counters</source>
        <translation>die Lastzähler zu entfernen</translation>
    </message>
</context>
<context>
    <name>lockscope::LockKey</name>
    <message>
        <source>The lock key contains a NUL character, which neither PostgreSQL nor SQLite text can hold. Remove it.</source>
        <translation>Der Sperrschlüssel enthält ein NUL-Zeichen, das weder PostgreSQL- noch SQLite-Text aufnehmen kann. Entfernen Sie es.</translation>
    </message>
    <message>
        <source>The lock key is empty. Give a non-empty key.</source>
        <translation>Der Sperrschlüssel ist leer. Geben Sie einen nicht leeren Schlüssel an.</translation>
    </message>
    <message>
        <source>The lock key is %1 bytes long; the maximum is %2 bytes of UTF-8. Use a shorter key (for example a hash of it).</source>
        <translation>Der Sperrschlüssel ist %1 Byte lang; das Maximum sind %2 Byte UTF-8. Nehmen Sie einen kürzeren Schlüssel (zum Beispiel einen Hash davon).</translation>
    </message>
</context>
<context>
    <name>lockscope::Migrator</name>
    <message>
        <source>read the migration history (%1)</source>
        <translation>die Migrationshistorie zu lesen (%1)</translation>
    </message>
    <message>
        <source>The database has migration %1 (%2), which this build of LockScope does not know: a newer LockScope migrated it. Upgrade LockScope before using this database.</source>
        <translation>Die Datenbank hat Migration %1 (%2), die diese Version von LockScope nicht kennt: Ein neueres LockScope hat sie migriert. Aktualisieren Sie LockScope, bevor Sie diese Datenbank verwenden.</translation>
    </message>
    <message>
        <source>Migration %1 was changed after it was applied (checksum %2… in the database, %3… in this build). Applied migrations are never re-run: restore the original file and add a new migration instead.</source>
        <translation>Migration %1 wurde geändert, nachdem sie angewandt wurde (Prüfsumme %2… in der Datenbank, %3… in dieser Version). Angewandte Migrationen laufen nie erneut: Stellen Sie die ursprüngliche Datei wieder her und fügen Sie stattdessen eine neue Migration hinzu.</translation>
    </message>
    <message>
        <source>migrate the schema</source>
        <translation>das Schema zu migrieren</translation>
    </message>
    <message>
        <source>Migration %1 failed: %2</source>
        <translation>Migration %1 ist fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>lockscope::OwnerRule</name>
    <message>
        <source>%1 is not a valid regular expression (%2 at offset %3); write one whose first group captures the application_name, e.g. &apos;^([a-z-]+)@&apos;</source>
        <translation>%1 ist kein gültiger regulärer Ausdruck (%2 an Position %3); schreiben Sie einen, dessen erste Gruppe den application_name erfasst, z. B. &apos;^([a-z-]+)@&apos;</translation>
    </message>
</context>
<context>
    <name>lockscope::OwnerSessions</name>
    <message>
        <source>read the sessions of the lease owners</source>
        <translation>die Sitzungen der Lease-Besitzer zu lesen</translation>
    </message>
</context>
<context>
    <name>lockscope::PgStatement</name>
    <message>
        <source>Stopped before the server answered: %1.</source>
        <translation>Angehalten, bevor der Server antwortete (beim Versuch, %1).</translation>
    </message>
    <message>
        <source>The server did not answer in time to %1.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet, um %1.</translation>
    </message>
    <message>
        <source>Cannot %1: the connection is not a PostgreSQL connection.</source>
        <translation>Nicht möglich, %1: Die Verbindung ist keine PostgreSQL-Verbindung.</translation>
    </message>
    <message>
        <source>Cannot %1.</source>
        <translation>Nicht möglich, %1.</translation>
    </message>
    <message>
        <source>The connection was lost before the server answered: %1.</source>
        <translation>Die Verbindung ging verloren, bevor der Server antwortete: %1.</translation>
    </message>
</context>
<context>
    <name>lockscope::PooledConnection</name>
    <message>
        <source>This pooled connection was already given back.</source>
        <translation>Diese Pool-Verbindung wurde schon zurückgegeben.</translation>
    </message>
</context>
<context>
    <name>lockscope::Privileges</name>
    <message>
        <source>The SQLite file %1 is read-only for you.</source>
        <translation>Die SQLite-Datei %1 ist für Sie schreibgeschützt.</translation>
    </message>
    <message>
        <source>SQLite has no server backends to signal.</source>
        <translation>SQLite hat keine Server-Backends, denen sich ein Signal senden ließe.</translation>
    </message>
    <message>
        <source>check the role&apos;s privileges</source>
        <translation>die Rechte der Rolle zu prüfen</translation>
    </message>
    <message>
        <source>Role &apos;%1&apos; has no DELETE privilege on aggregate_locks: it can look, not release or sweep.</source>
        <translation>Die Rolle „%1“ hat kein DELETE-Recht auf aggregate_locks: Sie kann ansehen, aber nicht freigeben oder aufräumen.</translation>
    </message>
    <message>
        <source>Role &apos;%1&apos; may not signal other sessions (it needs pg_signal_backend).</source>
        <translation>Die Rolle „%1“ darf anderen Sitzungen keine Signale senden (sie braucht pg_signal_backend).</translation>
    </message>
</context>
<context>
    <name>lockscope::RedisAuditLog</name>
    <message>
        <source>record the action in the audit stream</source>
        <translation>die Aktion im Prüf-Stream zu vermerken</translation>
    </message>
    <message>
        <source>read the audit stream</source>
        <translation>den Prüf-Stream zu lesen</translation>
    </message>
</context>
<context>
    <name>lockscope::RedisConnection</name>
    <message>
        <source>Redis at %1:%2/%3</source>
        <translation>Redis auf %1:%2/%3</translation>
    </message>
    <message>
        <source>Cannot connect to Redis at %1: %2</source>
        <translation>Keine Verbindung zu Redis auf %1: %2</translation>
    </message>
    <message>
        <source>the CA file %1 (sslrootcert) cannot be read or holds no PEM certificate. Give the CA certificate that signed the server&apos;s certificate.</source>
        <translation>Die CA-Datei %1 (sslrootcert) lässt sich nicht lesen oder enthält kein PEM-Zertifikat. Geben Sie das CA-Zertifikat an, das das Zertifikat des Servers signiert hat.</translation>
    </message>
    <message>
        <source>the server&apos;s TLS certificate was not accepted (%1). Check that sslrootcert names the CA that signed it, and that the host name matches the certificate.</source>
        <translation>Das TLS-Zertifikat des Servers wurde nicht angenommen (%1). Prüfen Sie, ob sslrootcert die CA nennt, die es signiert hat, und ob der Hostname zum Zertifikat passt.</translation>
    </message>
    <message>
        <source>connection refused. Check that redis-server runs there and that the port is its TLS port.</source>
        <translation>Verbindung abgelehnt. Prüfen Sie, ob redis-server dort läuft und ob der Port sein TLS-Port ist.</translation>
    </message>
    <message>
        <source>no TLS handshake within %1 s. Check the host and port, and that the port speaks TLS (tls-port).</source>
        <translation>Kein TLS-Handshake innerhalb von %1 s. Prüfen Sie Host und Port, und ob der Port TLS spricht (tls-port).</translation>
    </message>
    <message>
        <source>the TLS handshake failed (%1). Check that the port speaks TLS (tls-port), or use redis:// for a plain port.</source>
        <translation>Der TLS-Handshake ist fehlgeschlagen (%1). Prüfen Sie, ob der Port TLS spricht (tls-port), oder verwenden Sie redis:// für einen Port ohne TLS.</translation>
    </message>
    <message>
        <source>connection refused. Check that redis-server is running on that host and listening on that port.</source>
        <translation>Verbindung abgelehnt. Prüfen Sie, ob redis-server auf diesem Host läuft und an diesem Port lauscht.</translation>
    </message>
    <message>
        <source>the host name cannot be resolved. Check the URL&apos;s host.</source>
        <translation>Der Hostname lässt sich nicht auflösen. Prüfen Sie den Host in der URL.</translation>
    </message>
    <message>
        <source>no answer within %1 s. Check the host, the port and any firewall between.</source>
        <translation>Keine Antwort innerhalb von %1 s. Prüfen Sie Host, Port und jede Firewall dazwischen.</translation>
    </message>
    <message>
        <source>Cannot connect to Redis at %1: it accepted the connection but did not answer within %2 s. If that port speaks TLS, use rediss://.</source>
        <translation>Keine Verbindung zu Redis auf %1: Er hat die Verbindung angenommen, aber nicht innerhalb von %2 s geantwortet. Wenn dieser Port TLS spricht, verwenden Sie rediss://.</translation>
    </message>
    <message>
        <source>Cannot connect to Redis at %1: the server closed the connection before answering. If that port speaks TLS, use rediss://.</source>
        <translation>Keine Verbindung zu Redis auf %1: Der Server hat die Verbindung vor einer Antwort geschlossen. Wenn dieser Port TLS spricht, verwenden Sie rediss://.</translation>
    </message>
    <message>
        <source>%1 requires a password (%2). Set it in the REDISCLI_AUTH environment variable, and the user in the URL (redis://user@host:port/db).</source>
        <translation>%1 verlangt ein Passwort (%2). Setzen Sie es in der Umgebungsvariablen REDISCLI_AUTH, und den Benutzer in der URL (redis://benutzer@host:port/db).</translation>
    </message>
    <message>
        <source>%1 refused the login of user &apos;%2&apos; (%3). Check the user in the URL and the password in REDISCLI_AUTH.</source>
        <translation>%1 hat die Anmeldung des Benutzers „%2“ abgelehnt (%3). Prüfen Sie den Benutzer in der URL und das Passwort in REDISCLI_AUTH.</translation>
    </message>
    <message>
        <source>%1: the server has no database %2 (%3). Use a database index below the server&apos;s `databases` setting (16 by default).</source>
        <translation>%1: Der Server hat keine Datenbank %2 (%3). Verwenden Sie einen Datenbankindex unterhalb der Einstellung `databases` des Servers (standardmäßig 16).</translation>
    </message>
    <message>
        <source>%1 refused the connection: %2</source>
        <translation>%1 hat die Verbindung abgelehnt: %2</translation>
    </message>
    <message>
        <source>The connection to %1 failed while sending: %2</source>
        <translation>Die Verbindung zu %1 ist beim Senden fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 did not take the command in time.</source>
        <translation>%1 hat den Befehl nicht rechtzeitig angenommen.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost while sending: %2</source>
        <translation>Die Verbindung zu %1 ging beim Senden verloren: %2</translation>
    </message>
    <message>
        <source>%1 sent a reply that is not RESP (%2). Is that port a Redis server?</source>
        <translation>%1 hat eine Antwort gesendet, die kein RESP ist (%2). Ist dieser Port ein Redis-Server?</translation>
    </message>
    <message>
        <source>The connection to %1 was lost (%2). Check that the server is up; the next command reconnects.</source>
        <translation>Die Verbindung zu %1 ging verloren (%2). Prüfen Sie, ob der Server läuft; der nächste Befehl verbindet neu.</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The connection to %1 is closed.</source>
        <translation>Die Verbindung zu %1 ist geschlossen.</translation>
    </message>
    <message>
        <source>Cannot %1: %2 requires a password (%3). Set it in REDISCLI_AUTH.</source>
        <translation>Nicht möglich, %1: %2 verlangt ein Passwort (%3). Setzen Sie es in REDISCLI_AUTH.</translation>
    </message>
    <message>
        <source>Cannot %1: the Redis user &apos;%2&apos; lacks the permission (%3). Grant it in the server&apos;s ACL, or use another user.</source>
        <translation>Nicht möglich, %1: Dem Redis-Benutzer „%2“ fehlt die Berechtigung (%3). Erteilen Sie sie in der ACL des Servers, oder verwenden Sie einen anderen Benutzer.</translation>
    </message>
    <message>
        <source>Cannot %1: the Redis key holds another type than a string (%2); it is not a lease. See it with `lockctl list`.</source>
        <translation>Nicht möglich, %1: Der Redis-Schlüssel enthält einen anderen Typ als einen String (%2); er ist keine Lease. Sehen Sie ihn mit `lockctl list` an.</translation>
    </message>
    <message>
        <source>Cannot %1: %2 is a read-only replica (%3). Connect to the primary.</source>
        <translation>Nicht möglich, %1: %2 ist ein schreibgeschütztes Replikat (%3). Verbinden Sie sich mit dem Primärserver.</translation>
    </message>
    <message>
        <source>Cannot %1: %2 answered: %3</source>
        <translation>Nicht möglich, %1: %2 antwortete: %3</translation>
    </message>
    <message>
        <source>read the server&apos;s clock</source>
        <translation>die Uhr des Servers zu lesen</translation>
    </message>
    <message>
        <source>%1 answered TIME oddly.</source>
        <translation>%1 hat auf TIME unerwartet geantwortet.</translation>
    </message>
    <message>
        <source>The connection to %1 was closed by the server. Check that the server is up; the next command reconnects.</source>
        <translation>Die Verbindung zu %1 wurde vom Server geschlossen. Prüfen Sie, ob der Server läuft; der nächste Befehl verbindet neu.</translation>
    </message>
    <message>
        <source>%1 answered SCAN oddly.</source>
        <translation>%1 hat auf SCAN unerwartet geantwortet.</translation>
    </message>
</context>
<context>
    <name>lockscope::RedisFencedWrite</name>
    <message>
        <source>read the fence of &apos;%1&apos;</source>
        <translation>den Fence von „%1“ zu lesen</translation>
    </message>
    <message>
        <source>write &apos;%1&apos; with fence %2</source>
        <translation>„%1“ mit Fence %2 zu schreiben</translation>
    </message>
    <message>
        <source>Cannot %1: the fence kept changing under contention.</source>
        <translation>Nicht möglich, %1: Der Fence änderte sich unter Konkurrenz immer wieder.</translation>
    </message>
</context>
<context>
    <name>lockscope::RedisInspector</name>
    <message>
        <source>list the locks</source>
        <translation>die Sperren aufzulisten</translation>
    </message>
    <message>
        <source>%1 answered MGET oddly.</source>
        <translation>%1 hat auf MGET unerwartet geantwortet.</translation>
    </message>
    <message>
        <source>read the semaphores and reader-writer leases</source>
        <translation>die Semaphoren und Leser-Schreiber-Leases lesen</translation>
    </message>
</context>
<context>
    <name>lockscope::RedisLeaseStore</name>
    <message>
        <source>acquire the lease &apos;%1&apos;</source>
        <translation>die Lease „%1“ zu erhalten</translation>
    </message>
    <message>
        <source>Cannot %1: unexpected reply from the script.</source>
        <translation>Nicht möglich, %1: unerwartete Antwort des Skripts.</translation>
    </message>
    <message>
        <source>release the lease &apos;%1&apos;</source>
        <translation>die Lease „%1“ freizugeben</translation>
    </message>
    <message>
        <source>renew the lease &apos;%1&apos;</source>
        <translation>die Lease „%1“ zu erneuern</translation>
    </message>
    <message>
        <source>no TTL: the Redis key was set without an expiry</source>
        <translation>keine TTL: Der Redis-Schlüssel wurde ohne Ablauf gesetzt</translation>
    </message>
    <message>
        <source>wait for the lease &apos;%1&apos;</source>
        <translation>auf die Lease „%1“ zu warten</translation>
    </message>
    <message>
        <source>stop waiting for the lease &apos;%1&apos;</source>
        <translation>das Warten auf die Lease „%1“ zu beenden</translation>
    </message>
</context>
<context>
    <name>lockscope::RedisLoadInside</name>
    <message>
        <source>prepare the load probe</source>
        <translation>die Lastsonde vorbereiten</translation>
    </message>
    <message>
        <source>enter the load section</source>
        <translation>den Lastabschnitt betreten</translation>
    </message>
    <message>
        <source>leave the load section</source>
        <translation>den Lastabschnitt verlassen</translation>
    </message>
    <message>
        <source>read the load probe</source>
        <translation>die Lastsonde lesen</translation>
    </message>
    <message>
        <source>drop the load probe</source>
        <translation>die Lastsonde entfernen</translation>
    </message>
</context>
<context>
    <name>lockscope::RedisLoadWork</name>
    <message>
        <source>scan the load keys</source>
        <translation>die Lastschlüssel zu durchsuchen</translation>
    </message>
    <message>
        <source>prepare the load counters</source>
        <translation>die Lastzähler vorzubereiten</translation>
    </message>
    <message>
        <source>read a load counter</source>
        <translation>einen Lastzähler zu lesen</translation>
    </message>
    <message>
        <source>write a load counter</source>
        <translation>einen Lastzähler zu schreiben</translation>
    </message>
    <message>
        <source>read the load counters</source>
        <translation>die Lastzähler zu lesen</translation>
    </message>
    <message>
        <source>drop the load counters</source>
        <translation>die Lastzähler zu entfernen</translation>
    </message>
</context>
<context>
    <name>lockscope::RedisPrivileges</name>
    <message>
        <source>Redis has no sessions to cancel or terminate.</source>
        <translation>Redis hat keine Sitzungen, die sich abbrechen oder beenden ließen.</translation>
    </message>
    <message>
        <source>EVALSHA (the compare-and-delete release script)</source>
        <translation>EVALSHA (das Freigabeskript, das vergleicht und löscht)</translation>
    </message>
    <message>
        <source>XADD on the audit stream %1</source>
        <translation>XADD auf dem Prüf-Stream %1</translation>
    </message>
    <message>
        <source>Read-only: the Redis user &apos;%1&apos; may not run %2. Grant it in the server&apos;s ACL (ACL SETUSER), or connect as another user.</source>
        <translation>Nur lesen: Der Redis-Benutzer „%1“ darf %2 nicht ausführen. Erlauben Sie es in der ACL des Servers (ACL SETUSER), oder verbinden Sie sich als anderer Benutzer.</translation>
    </message>
</context>
<context>
    <name>lockscope::RedisRelease</name>
    <message>
        <source>release the lease &apos;%1&apos;</source>
        <translation>die Lease „%1“ freizugeben</translation>
    </message>
    <message>
        <source>Not released: the Redis key &apos;%1&apos; is a %2, not a string lease; LockScope releases only string leases. Delete it with redis-cli if you are sure.</source>
        <translation>Nicht freigegeben: Der Redis-Schlüssel „%1“ ist vom Typ %2, keine String-Lease; LockScope gibt nur String-Leases frei. Löschen Sie ihn mit redis-cli, wenn Sie sicher sind.</translation>
    </message>
    <message>
        <source>The expected owner token is empty. Give the token shown by `lockctl list`, or force the release without one.</source>
        <translation>Das erwartete Besitzer-Token ist leer. Geben Sie das Token an, das `lockctl list` zeigt, oder erzwingen Sie die Freigabe ohne Token.</translation>
    </message>
</context>
<context>
    <name>lockscope::RedisScope</name>
    <message>
        <source>Listing LockScope&apos;s own locks in database %1 (found by their fence counters): no key prefix or match is set, so the rest of the keyspace is not scanned. Set a match glob (e.g. lock:*) to list other programs&apos; locks too; match * lists every key.</source>
        <translation>Es werden LockScopes eigene Sperren in Datenbank %1 aufgelistet (gefunden über ihre Fence-Zähler): Es ist weder Schlüsselpräfix noch Muster gesetzt, daher wird der übrige Schlüsselraum nicht durchsucht. Setzen Sie ein Muster (z. B. lock:*), um auch Sperren anderer Programme aufzulisten; das Muster * listet jeden Schlüssel.</translation>
    </message>
    <message>
        <source>Listing every key of database %1 (match *).</source>
        <translation>Es wird jeder Schlüssel der Datenbank %1 aufgelistet (Muster *).</translation>
    </message>
    <message>
        <source>Listing the keys of database %1 that match %2.</source>
        <translation>Es werden die Schlüssel der Datenbank %1 aufgelistet, die auf %2 passen.</translation>
    </message>
</context>
<context>
    <name>lockscope::RedisSharedStore</name>
    <message>
        <source>Cannot %1: unexpected reply from the script.</source>
        <translation>%1 nicht möglich: unerwartete Antwort des Skripts.</translation>
    </message>
    <message>
        <source>look up the kind of &apos;%1&apos;</source>
        <translation>die Art von &apos;%1&apos; nachschlagen</translation>
    </message>
    <message>
        <source>The Redis key &apos;%1&apos; is a %2 that LockScope did not write, so it cannot be used as a lock: a key has one kind. Use another key.</source>
        <translation>Der Redis-Schlüssel &apos;%1&apos; ist ein %2, den LockScope nicht geschrieben hat, und kann daher nicht als Sperre dienen: Ein Schlüssel hat eine Art. Verwenden Sie einen anderen Schlüssel.</translation>
    </message>
    <message>
        <source>acquire a permit of the semaphore &apos;%1&apos;</source>
        <translation>eine Erlaubnis der Semaphore &apos;%1&apos; erwerben</translation>
    </message>
    <message>
        <source>acquire the reader-writer lease &apos;%1&apos;</source>
        <translation>den Leser-Schreiber-Lease &apos;%1&apos; erwerben</translation>
    </message>
    <message>
        <source>release &apos;%1&apos;</source>
        <translation>&apos;%1&apos; freigeben</translation>
    </message>
    <message>
        <source>renew &apos;%1&apos;</source>
        <translation>&apos;%1&apos; erneuern</translation>
    </message>
</context>
<context>
    <name>lockscope::RedisUrl</name>
    <message>
        <source>Invalid Redis URL: %1. Use redis://user@host:port/db or rediss://user@host:port/db?sslrootcert=/path/ca.crt (the password from REDISCLI_AUTH).</source>
        <translation>Ungültige Redis-URL: %1. Verwenden Sie redis://benutzer@host:port/db oder rediss://benutzer@host:port/db?sslrootcert=/pfad/ca.crt (das Passwort aus REDISCLI_AUTH).</translation>
    </message>
    <message>
        <source>it cannot be parsed (%1)</source>
        <translation>Sie lässt sich nicht auswerten (%1)</translation>
    </message>
    <message>
        <source>it names no host</source>
        <translation>Sie nennt keinen Host</translation>
    </message>
    <message>
        <source>the port must be between 1 and 65535</source>
        <translation>Der Port muss zwischen 1 und 65535 liegen</translation>
    </message>
    <message>
        <source>the database must be a number from 0 up (the server&apos;s `databases` setting), not &apos;%1&apos;</source>
        <translation>Die Datenbank muss eine Zahl ab 0 sein (die Einstellung `databases` des Servers), nicht „%1“</translation>
    </message>
    <message>
        <source>sslrootcert needs TLS: write rediss:// instead of redis://</source>
        <translation>sslrootcert braucht TLS: Schreiben Sie rediss:// statt redis://</translation>
    </message>
    <message>
        <source>sslrootcert is empty</source>
        <translation>sslrootcert ist leer</translation>
    </message>
    <message>
        <source>connect_timeout must be whole seconds from 1 to 3600</source>
        <translation>connect_timeout muss eine ganze Zahl von Sekunden zwischen 1 und 3600 sein</translation>
    </message>
    <message>
        <source>match is empty: give a glob of the keys to list (e.g. match=lock:*), or leave it out</source>
        <translation>match ist leer: Geben Sie ein Muster der aufzulistenden Schlüssel an (z. B. match=lock:*) oder lassen Sie es weg</translation>
    </message>
    <message>
        <source>the parameter &apos;%1&apos; is not supported (use prefix, match, sslrootcert or connect_timeout)</source>
        <translation>der Parameter &apos;%1&apos; wird nicht unterstützt (verwenden Sie prefix, match, sslrootcert oder connect_timeout)</translation>
    </message>
</context>
<context>
    <name>lockscope::RowLocker</name>
    <message>
        <source>session %1 (%2, %3, its transaction open for %4)</source>
        <translation>Sitzung %1 (%2, %3, ihre Transaktion seit %4 offen)</translation>
    </message>
    <message>
        <source>`lockctl locks` lists the sessions and the transactions they hold open.</source>
        <translation>`lockctl locks` listet die Sitzungen und die Transaktionen, die sie offen halten.</translation>
    </message>
    <message>
        <source>Its row is held locked by %1: end that transaction (`lockctl terminate-backend %2`) or wait for it.</source>
        <translation>Ihre Zeile wird von %1 gesperrt gehalten: Beenden Sie diese Transaktion (`lockctl terminate-backend %2`) oder warten Sie darauf.</translation>
    </message>
</context>
<context>
    <name>lockscope::ServerLock</name>
    <message>
        <source> of pid %1</source>
        <translation> von PID %1</translation>
    </message>
    <message>
        <source>%1 page %2</source>
        <translation>%1 Seite %2</translation>
    </message>
    <message>
        <source>%1 (extension)</source>
        <translation>%1 (Erweiterung)</translation>
    </message>
    <message>
        <source>transaction %1%2</source>
        <translation>Transaktion %1%2</translation>
    </message>
    <message>
        <source>speculative insertion of transaction %1%2</source>
        <translation>spekulatives Einfügen der Transaktion %1%2</translation>
    </message>
    <message>
        <source>virtual transaction %1%2</source>
        <translation>virtuelle Transaktion %1%2</translation>
    </message>
    <message>
        <source>advisory %1</source>
        <translation>Advisory %1</translation>
    </message>
    <message>
        <source>object (gone)</source>
        <translation>Objekt (verschwunden)</translation>
    </message>
    <message>
        <source>frozen id of database %1</source>
        <translation>eingefrorene ID der Datenbank %1</translation>
    </message>
</context>
<context>
    <name>lockscope::ServerLockInspector</name>
    <message>
        <source>Server locks exist only on PostgreSQL; this is a SQLite database. Use `lockctl list` for its leases.</source>
        <translation>Serversperren gibt es nur unter PostgreSQL; dies ist eine SQLite-Datenbank. Verwenden Sie `lockctl list` für ihre Leases.</translation>
    </message>
    <message>
        <source>list the server&apos;s locks</source>
        <translation>die Sperren des Servers aufzulisten</translation>
    </message>
</context>
<context>
    <name>lockscope::ServerProbe</name>
    <message>
        <source>read the waiting sessions</source>
        <translation>die wartenden Sitzungen zu lesen</translation>
    </message>
    <message>
        <source>The Servers view shows PostgreSQL and SQLite profiles.</source>
        <translation>Die Server-Ansicht zeigt PostgreSQL- und SQLite-Profile.</translation>
    </message>
    <message>
        <source>count leases</source>
        <translation>Leases zu zählen</translation>
    </message>
</context>
<context>
    <name>lockscope::ServerWaits</name>
    <message>
        <source>Server lock waits exist only on PostgreSQL.</source>
        <translation>Wartezustände auf Serversperren gibt es nur unter PostgreSQL.</translation>
    </message>
    <message>
        <source>read the sessions that wait for locks</source>
        <translation>die Sitzungen zu lesen, die auf Sperren warten</translation>
    </message>
</context>
<context>
    <name>lockscope::SharedLockQueries</name>
    <message>
        <source>list the semaphores and reader-writer leases</source>
        <translation>die Semaphoren und Leser-Schreiber-Leases aufzulisten</translation>
    </message>
    <message>
        <source>check which tables of semaphores and reader-writer leases this role may read</source>
        <translation>prüfen, welche Tabellen der Semaphoren und Leser-Schreiber-Leases diese Rolle lesen darf</translation>
    </message>
    <message>
        <source>Semaphores and reader-writer leases are not shown: the role %1 may not read %2. To see them, have the tables&apos; owner run: GRANT SELECT ON %2 TO %1;</source>
        <translation>Semaphoren und Leser-Schreiber-Leases werden nicht angezeigt: Die Rolle %1 darf %2 nicht lesen. Um sie zu sehen, lassen Sie den Eigentümer der Tabellen ausführen: GRANT SELECT ON %2 TO %1;</translation>
    </message>
</context>
<context>
    <name>lockscope::SharedLockStore</name>
    <message>
        <source>a semaphore with %1 permits</source>
        <translation>ein Semaphor mit %1 Erlaubnissen</translation>
    </message>
    <message>
        <source>a reader-writer lease</source>
        <translation>eine Leser-Schreiber-Lease</translation>
    </message>
    <message>
        <source>a lease</source>
        <translation>eine Lease</translation>
    </message>
    <message>
        <source>acquire it with --permits %1</source>
        <translation>erhalten Sie ihn mit --permits %1</translation>
    </message>
    <message>
        <source>acquire it with --read or --write</source>
        <translation>erhalten Sie ihn mit --read oder --write</translation>
    </message>
    <message>
        <source>acquire it as a lease (without --permits, --read or --write)</source>
        <translation>erhalten Sie ihn als Lease (ohne --permits, --read oder --write)</translation>
    </message>
    <message>
        <source>The key &apos;%1&apos; is %2, not %3: a key has one kind (and a semaphore its number of permits). %4, or use another key.</source>
        <translation>Der Schlüssel „%1“ ist %2, nicht %3: Ein Schlüssel hat eine Art (und ein Semaphor seine Zahl von Erlaubnissen). %4, oder nehmen Sie einen anderen Schlüssel.</translation>
    </message>
    <message>
        <source>look up the kind of &apos;%1&apos;</source>
        <translation>die Art von „%1“ nachzuschlagen</translation>
    </message>
    <message>
        <source>record the kind of the key &apos;%1&apos;</source>
        <translation>die Art des Schlüssels „%1“ zu vermerken</translation>
    </message>
    <message>
        <source>The database has no tables for semaphores and reader-writer leases (migration 0008). Run `lockctl migrate` to create them.</source>
        <translation>Die Datenbank hat keine Tabellen für Semaphoren und Leser-Schreiber-Leases (Migration 0008). Führen Sie `lockctl migrate` aus, um sie anzulegen.</translation>
    </message>
    <message>
        <source>acquire a permit of the semaphore &apos;%1&apos;</source>
        <translation>eine Erlaubnis des Semaphors „%1“ zu erhalten</translation>
    </message>
    <message>
        <source>acquire the reader-writer lease &apos;%1&apos;</source>
        <translation>die Leser-Schreiber-Lease „%1“ zu erhalten</translation>
    </message>
    <message>
        <source>release &apos;%1&apos;</source>
        <translation>„%1“ freizugeben</translation>
    </message>
    <message>
        <source>renew &apos;%1&apos;</source>
        <translation>„%1“ zu erneuern</translation>
    </message>
    <message>
        <source>No time was left to renew &apos;%1&apos;.</source>
        <translation>Es blieb keine Zeit, „%1“ zu erneuern.</translation>
    </message>
    <message>
        <source>The kind of the key &apos;%1&apos; changed while it was being recorded (a sweep dropped it, or another process took the key). Try again.</source>
        <translation>Die Art des Schlüssels „%1“ hat sich geändert, während sie eingetragen wurde (ein Aufräumen hat sie entfernt, oder ein anderer Prozess hat den Schlüssel genommen). Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>look up the semaphore acquire function</source>
        <translation>die Funktion zum Erwerb von Semaphoren nachschlagen</translation>
    </message>
</context>
<context>
    <name>lockscope::SqliteStatement</name>
    <message>
        <source>The Qt SQLite driver in use carries its own copy of SQLite, which LockScope cannot share. Install the Qt SQLite driver that links the system libsqlite3 (Debian: libqt6sql6-sqlite).</source>
        <translation>Der verwendete Qt-SQLite-Treiber bringt eine eigene Kopie von SQLite mit, die LockScope nicht mitbenutzen kann. Installieren Sie den Qt-SQLite-Treiber, der die libsqlite3 des Systems einbindet (Debian: libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>prepare a statement</source>
        <translation>eine Anweisung vorzubereiten</translation>
    </message>
</context>
<context>
    <name>lockscope::ThreadConnections</name>
    <message>
        <source>prepare a statement</source>
        <translation>eine Anweisung vorzubereiten</translation>
    </message>
    <message>
        <source>set up a new connection</source>
        <translation>eine neue Verbindung einrichten</translation>
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
    <name>lockscope::ui::BlockingTreeWidget</name>
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
    <message>
        <source>e.g. lock:*  (empty: LockScope&apos;s own locks only)</source>
        <translation>z. B. lock:*  (leer: nur LockScopes eigene Sperren)</translation>
    </message>
    <message>
        <source>Which keys the Leases tab lists (SCAN MATCH, after the prefix). Without a prefix or a match only LockScope&apos;s own locks are listed, found by their fence counters; * lists every key of the database.</source>
        <translation>Welche Schlüssel der Reiter Leases auflistet (SCAN MATCH, nach dem Präfix). Ohne Präfix und Muster werden nur LockScopes eigene Sperren aufgelistet, gefunden über ihre Fence-Zähler; * listet jeden Schlüssel der Datenbank.</translation>
    </message>
    <message>
        <source>Keys to list</source>
        <translation>Aufzulistende Schlüssel</translation>
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
    <message>
        <source>A Redis lock is a key set with SET key token NX PX ttl by one program until it deletes it or its TTL runs out by the server&apos;s clock. %1 To make one by hand, run:

%2</source>
        <translation>Eine Redis-Sperre ist ein Schlüssel, den ein Programm mit SET key token NX PX ttl setzt, bis es ihn löscht oder seine TTL nach der Uhr des Servers abläuft. %1 Um eine von Hand anzulegen, führen Sie aus:

%2</translation>
    </message>
    <message>
        <source>No plain leases</source>
        <translation>Keine einfachen Leases</translation>
    </message>
    <message>
        <source>What is held here are the semaphores and reader-writer leases below. Expand a key to see its holders; release one of them with Release holder.</source>
        <translation>Gehalten werden hier die Semaphoren und Leser-Schreiber-Leases unten. Klappen Sie einen Schlüssel auf, um seine Halter zu sehen; geben Sie einen davon mit „Halter freigeben…“ frei.</translation>
    </message>
</context>
<context>
    <name>lockscope::ui::LoadCharts</name>
    <message>
        <source>Holders inside at once</source>
        <translation>Halter gleichzeitig</translation>
    </message>
    <message>
        <source>holders</source>
        <translation>Halter</translation>
    </message>
    <message>
        <source>most inside</source>
        <translation>höchstens gleichzeitig</translation>
    </message>
    <message>
        <source>permits</source>
        <translation>Genehmigungen</translation>
    </message>
    <message>
        <source>overlaps (total)</source>
        <translation>Überschneidungen (gesamt)</translation>
    </message>
    <message>
        <source>Writer overlaps (a writer inside with anyone)</source>
        <translation>Schreiber-Überschneidungen (ein Schreiber zusammen mit jemandem)</translation>
    </message>
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
    <message numerus="yes">
        <source>Holders inside one key at once (semaphore of %n permit(s))</source>
        <translation>
            <numerusform>Halter gleichzeitig in einem Schlüssel (Semaphor mit %n Erlaubnis)</numerusform>
            <numerusform>Halter gleichzeitig in einem Schlüssel (Semaphor mit %n Erlaubnissen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lockscope::ui::LoadPanel</name>
    <message>
        <source>semaphore (N permits per key)</source>
        <translation>semaphore (N Genehmigungen je Schlüssel)</translation>
    </message>
    <message>
        <source>reader-writer</source>
        <translation>reader-writer (Leser-Schreiber)</translation>
    </message>
    <message>
        <source>Permits per key</source>
        <translation>Genehmigungen je Schlüssel</translation>
    </message>
    <message>
        <source>Reader threads</source>
        <translation>Leser-Threads</translation>
    </message>
    <message>
        <source>Writer threads</source>
        <translation>Schreiber-Threads</translation>
    </message>
    <message>
        <source>Admit by counting the holders (the control: over-admits)</source>
        <translation>Durch Zählen der Halter zulassen (die Kontrolle: lässt zu viele ein)</translation>
    </message>
    <message>
        <source>No lock (the control: writers overlap)</source>
        <translation>Keine Sperre (die Kontrolle: Schreiber überschneiden sich)</translation>
    </message>
    <message>
        <source>Overlaps</source>
        <translation>Überschneidungen</translation>
    </message>
    <message>
        <source>Most inside</source>
        <translation>Höchstens gleichzeitig</translation>
    </message>
    <message>
        <source>How many holders may be inside one key at once.</source>
        <translation>Wie viele Halter gleichzeitig in einem Schlüssel sein dürfen.</translation>
    </message>
    <message>
        <source>Threads that take the key to read (many at once).</source>
        <translation>Threads, die den Schlüssel zum Lesen nehmen (viele gleichzeitig).</translation>
    </message>
    <message>
        <source>Threads that take the key to write (alone).</source>
        <translation>Threads, die den Schlüssel zum Schreiben nehmen (allein).</translation>
    </message>
    <message>
        <source>A reader-writer run needs at least one reader or one writer thread.</source>
        <translation>Ein Leser-Schreiber-Lauf braucht mindestens einen Leser- oder einen Schreiber-Thread.</translation>
    </message>
    <message>
        <source>0 violations: the semaphore held.</source>
        <translation>0 Verletzungen: das Semaphor hat gehalten.</translation>
    </message>
    <message>
        <source>0 overlaps: no writer ever shared a key with anyone.</source>
        <translation>0 Überschneidungen: kein Schreiber hat einen Schlüssel je mit jemandem geteilt.</translation>
    </message>
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
        <source>Count the live holders, then insert, in two statements: two processes that both count N-1 both get in. Shows what the semaphore prevents; give it child processes (the threads of one process queue for a key).</source>
        <translation>Lebende Halter zählen, dann einfügen, in zwei Anweisungen: Zwei Prozesse, die beide N-1 zählen, kommen beide hinein. Zeigt, was das Semaphor verhindert; geben Sie ihm Kindprozesse (die Threads eines Prozesses stellen sich für einen Schlüssel an).</translation>
    </message>
    <message>
        <source>The same readers and writers enter without any lock. Shows what the reader-writer lease prevents.</source>
        <translation>Dieselben Leser und Schreiber treten ohne Sperre ein. Zeigt, was der Leser-Schreiber-Lease verhindert.</translation>
    </message>
    <message numerus="yes">
        <source>; at most %1 inside one key at once (%n permit(s))</source>
        <translation>
            <numerusform>; höchstens %1 gleichzeitig in einem Schlüssel (%n Erlaubnis)</numerusform>
            <numerusform>; höchstens %1 gleichzeitig in einem Schlüssel (%n Erlaubnisse)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n writer overlap(s)</source>
        <translation>
            <numerusform>; %n Überschneidung eines Schreibers</numerusform>
            <numerusform>; %n Überschneidungen von Schreibern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %1 holder(s) were inside one key at once, with %n permit(s).</source>
        <translation>
            <numerusform>Höchstens %1 Halter waren gleichzeitig in einem Schlüssel, bei %n Erlaubnis.</numerusform>
            <numerusform>Höchstens %1 Halter waren gleichzeitig in einem Schlüssel, bei %n Erlaubnissen.</numerusform>
        </translation>
    </message>
    <message>
        <source>0 violations: counting did not over-admit this time. It does when processes race for a key: add child processes.</source>
        <translation>0 Verletzungen: Das Zählen hat diesmal nicht zu viele eingelassen. Das geschieht, wenn Prozesse um einen Schlüssel wetteifern: Fügen Sie Kindprozesse hinzu.</translation>
    </message>
    <message numerus="yes">
        <source>%n violation(s): admitting by counting the holders let more in than the permits — the control shows what goes wrong.</source>
        <translation>
            <numerusform>%n Verletzung: Das Einlassen durch Zählen der Halter ließ mehr hinein als Erlaubnisse — die Kontrolle zeigt, was schiefgeht.</numerusform>
            <numerusform>%n Verletzungen: Das Einlassen durch Zählen der Halter ließ mehr hinein als Erlaubnisse — die Kontrolle zeigt, was schiefgeht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VIOLATION(S): more holders than permits under the semaphore!</source>
        <translation>
            <numerusform>%n VERLETZUNG: mehr Halter als Erlaubnisse unter dem Semaphor!</numerusform>
            <numerusform>%n VERLETZUNGEN: mehr Halter als Erlaubnisse unter dem Semaphor!</numerusform>
        </translation>
    </message>
    <message>
        <source>Readers waited p50 %1 ms, p99 %2 ms; writers p50 %3 ms, p99 %4 ms.</source>
        <translation>Leser warteten p50 %1 ms, p99 %2 ms; Schreiber p50 %3 ms, p99 %4 ms.</translation>
    </message>
    <message numerus="yes">
        <source>%n overlap(s) of a writer with another holder without a lock — the control shows what goes wrong.</source>
        <translation>
            <numerusform>%n Überschneidung eines Schreibers mit einem anderen Halter ohne Sperre — die Kontrolle zeigt, was schiefgeht.</numerusform>
            <numerusform>%n Überschneidungen eines Schreibers mit anderen Haltern ohne Sperre — die Kontrolle zeigt, was schiefgeht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n OVERLAP(S) of a writer with another holder under the reader-writer lease!</source>
        <translation>
            <numerusform>%n ÜBERSCHNEIDUNG eines Schreibers mit einem anderen Halter unter dem Leser-Schreiber-Lease!</numerusform>
            <numerusform>%n ÜBERSCHNEIDUNGEN von Schreibern mit anderen Haltern unter dem Leser-Schreiber-Lease!</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 process(es) × %2 threads (%3 reading, %4 writing)</source>
        <translation>%1 Prozess(e) × %2 Threads (%3 lesend, %4 schreibend)</translation>
    </message>
    <message>
        <source>%1 process(es) × %2 threads</source>
        <translation>%1 Prozess(e) × %2 Threads</translation>
    </message>
    <message>
        <source>%1 mode, %2, %3 s: %4 acquired (%5/s), p50 %6 ms, p99 %7 ms, %8 timeouts, %9 statements per acquisition. %10</source>
        <translation>Modus %1, %2, %3 s: %4 erworben (%5/s), p50 %6 ms, p99 %7 ms, %8 Zeitüberschreitungen, %9 Anweisungen pro Erwerb. %10</translation>
    </message>
    <message>
        <source>Readers and writers add up to %1 threads; at most 256 can run in one process. Use fewer, or add child processes.</source>
        <translation>Leser und Schreiber ergeben zusammen %1 Threads; höchstens 256 können in einem Prozess laufen. Verwenden Sie weniger oder fügen Sie Kindprozesse hinzu.</translation>
    </message>
    <message>
        <source>A semaphore needs from 1 to 1000 permits, not %1.</source>
        <translation>Ein Semaphor braucht 1 bis 1000 Erlaubnisse, nicht %1.</translation>
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
    <message>
        <source>%1 The demo takes leases and writes a table of its own, so it does not run here.</source>
        <translation>%1 Die Demo nimmt Leases und schreibt eine eigene Tabelle, deshalb läuft sie hier nicht.</translation>
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
    <message>
        <source>1 reader</source>
        <translation>1 Leser</translation>
    </message>
    <message>
        <source>%1 readers</source>
        <translation>%1 Leser</translation>
    </message>
    <message>
        <source>a writer</source>
        <translation>ein Schreiber</translation>
    </message>
    <message>
        <source>no writer</source>
        <translation>kein Schreiber</translation>
    </message>
    <message>
        <source>1 waiting writer</source>
        <translation>1 wartender Schreiber</translation>
    </message>
    <message>
        <source>%1 waiting writers</source>
        <translation>%1 wartende Schreiber</translation>
    </message>
    <message>
        <source>1 waiting reader</source>
        <translation>1 wartender Leser</translation>
    </message>
    <message>
        <source>%1 waiting readers</source>
        <translation>%1 wartende Leser</translation>
    </message>
    <message>
        <source>reader-writer: %1</source>
        <translation>Leser-Schreiber: %1</translation>
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
