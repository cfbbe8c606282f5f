package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.QueryRows;
import org.staffroom.embedded.EmbeddedPostgres;
import org.staffroom.platforms.PostEvent;
import org.staffroom.schema.Retention;
import org.staffroom.schema.SchemaMigrations;
import picocli.CommandLine;

/**
 * A PostgreSQL that accepts TLS connections only, with a self-signed certificate for localhost:
 * the migrations, the retention command and the job (its checks at start and its sinks) connect
 * with {@code --jdbc-ssl-mode verify-full} and that certificate as the root, and refuse a server
 * their root certificate did not sign, saying so.
 */
class TlsConnectionsTest extends StackTest {
    @TempDir
    static Path keys;

    private static EmbeddedPostgres tlsServer;
    private static Path serverCert;
    private static Path otherCert;
    private static Path password;
    private static int databases;

    @BeforeAll
    static void startTlsServer() throws Exception {
        serverCert = selfSigned("server", "localhost");
        otherCert = selfSigned("other", "localhost");
        Path hba = Files.writeString(keys.resolve("pg_hba.conf"), String.join("\n",
                "local all all trust", "hostssl all all 127.0.0.1/32 trust", "hostssl all all ::1/128 trust", ""));
        tlsServer = EmbeddedPostgres.start(null, 0, Map.of("ssl", "on",
                "ssl_cert_file", serverCert.toString(), "ssl_key_file", keys.resolve("server.key").toString(),
                "hba_file", hba.toString()));
        password = Files.writeString(keys.resolve("pw"), tlsServer.password());
    }

    @AfterAll
    static void stopTlsServer() {
        if (tlsServer != null) {
            tlsServer.close();
        }
    }

    /** A self-signed certificate for {@code host} (NAME.crt) and its key (NAME.key, mode 600 as PostgreSQL wants). */
    private static Path selfSigned(String name, String host) throws IOException, InterruptedException {
        Path cert = keys.resolve(name + ".crt");
        Path key = keys.resolve(name + ".key");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=" + host, "-addext", "subjectAltName=DNS:" + host,
                "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor()).as("openssl: %s", output).isZero();
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        return cert;
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run run(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static String[] connection(String url, String mode, Path rootCert, String... more) {
        List<String> args = new ArrayList<>(List.of("--jdbc-url", url, "--jdbc-user", tlsServer.user(),
                "--jdbc-password-file", password.toString(), "--jdbc-ssl-mode", mode));
        if (rootCert != null) {
            args.addAll(List.of("--jdbc-ssl-root-cert", rootCert.toString()));
        }
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    private static String newDatabase() {
        return tlsServer.createDatabase("tls_" + (++databases));
    }

    @Test
    void migrationsAndRetentionVerifyTheServerWithTheRootCertificate() throws Exception {
        String url = newDatabase();

        Run plain = run(new SchemaMigrations(), connection(url, "disable", null));
        assertThat(plain.exitCode()).isEqualTo(1);
        assertThat(plain.err()).as("the server takes TLS connections only").contains("no encryption");

        Run wrongCa = run(new SchemaMigrations(), connection(url, "verify-full", otherCert));
        assertThat(wrongCa.exitCode()).isEqualTo(1);
        assertThat(wrongCa.err()).startsWith("staffroom-schema: cannot connect to " + url
                + " with --jdbc-ssl-mode verify-full: the server's certificate is not signed by the CA of "
                + "--jdbc-ssl-root-cert " + otherCert + " (");
        assertThat(QueryRows.of(url, tlsServer.user(), tlsServer.password(),
                "SELECT count(*) AS tables FROM pg_tables WHERE schemaname = 'public'")).containsExactly("tables=0");

        Run verified = run(new SchemaMigrations(), connection(url, "verify-full", serverCert));
        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.out()).matches("staffroom-schema: \\d+ migration\\(s\\) applied to " + url + "\n");
        assertThat(QueryRows.of(url, tlsServer.user(), tlsServer.password(),
                "SELECT count(*) > 0 AS migrated FROM flyway_schema_history WHERE success")).containsExactly("migrated=t");

        Run retention = run(new Retention(), connection(url, "verify-full", serverCert));
        assertThat(retention.exitCode()).as(retention.err()).isZero();
        assertThat(retention.out()).contains("staffroom-retention: rejected_posts: 0 row(s)");
        Run retentionWrongCa = run(new Retention(), connection(url, "verify-full", otherCert));
        assertThat(retentionWrongCa.exitCode()).isEqualTo(1);
        assertThat(retentionWrongCa.err()).startsWith("staffroom-retention: cannot connect to " + url
                + " with --jdbc-ssl-mode verify-full: the server's certificate is not signed by the CA of "
                + "--jdbc-ssl-root-cert " + otherCert + " (");
    }

    @Test
    void theJobWritesOverVerifiedTlsAndRefusesToStartWithTheWrongCa() throws Exception {
        String url = newDatabase();
        assertThat(run(new SchemaMigrations(), connection(url, "verify-full", serverCert)).exitCode()).isZero();
        String topic = stack.topic(1);
        stack.write(topic, 0, List.of(
                PostEvent.of("1", "2025-01-09T20:01:00Z", "alice").hashtags("edchat").toBytes(),
                PostEvent.of("2", "2025-01-09T21:15:00Z", "bob").hashtags("edchat").toBytes()));

        assertThatThrownBy(() -> stack.startJob(topic, url, "--jdbc-ssl-mode", "verify-full",
                "--jdbc-ssl-root-cert", otherCert.toString()))
                .hasMessageStartingWith("cannot connect to " + url + " with --jdbc-ssl-mode verify-full: the server's "
                        + "certificate is not signed by the CA of --jdbc-ssl-root-cert " + otherCert);

        // the checks at start (open rows, the chats) and every sink: none could write without TLS
        stack.runJob(topic, url, "--jdbc-ssl-mode", "verify-full", "--jdbc-ssl-root-cert", serverCert.toString());
        assertThat(QueryRows.of(url, tlsServer.user(), tlsServer.password(),
                "SELECT hashtag, posts, participants FROM hashtag_window_metrics WHERE window_size = '1d'"))
                .containsExactly("hashtag=edchat|posts=2|participants=2");
        assertThat(QueryRows.of(url, tlsServer.user(), tlsServer.password(), "SELECT count(*) AS n FROM chats"))
                .containsExactly("n=3");
    }
}
