package org.staffroom.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.staffroom.model.RejectedPost;

/** The dead-letter JSON names each value by its column; PostgresSchemaTest and the ITs check the SQL. */
class UpsertStatementTest {

    @Test
    void aRefusedRowIsNamedByItsColumnsWithoutSqlQuotes() throws Exception {
        RejectedPost r = new RejectedPost();
        r.topic = "edu.posts";
        r.partition = 3;
        r.offset = 7;
        r.receivedAt = 0;
        r.reason = "not JSON";
        r.payload = "{";
        r.payloadBytes = 1;
        RejectedPostStatement statement = new RejectedPostStatement();

        assertThat(statement.keyJson(r)).isEqualTo("{\"topic\":\"edu.posts\",\"partition\":3,\"offset\":7}");
        assertThat(statement.valuesJson(r)).isEqualTo("{\"received_at\":\"1970-01-01T00:00:00Z\","
                + "\"reason\":\"not JSON\",\"payload\":\"{\",\"payload_bytes\":1}");
    }

    @Test
    void keepingFinalRowsNeedsTheIsFinalColumn() {
        assertThatThrownBy(() -> new UpsertStatement<RejectedPost>("rejected_posts",
                List.of(Column.of("topic", (p, r) -> p.text(r.topic))),
                List.of(Column.of("reason", (p, r) -> p.text(r.reason))),
                UpsertStatement.OnConflict.KEEP_FINAL, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rejected_posts: keeping final rows needs the is_final column");
    }
}
