package org.staffroom.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.staffroom.metrics.AuthorActivity;
import org.staffroom.metrics.WindowTotals;
import org.staffroom.windows.WindowAccumulator;
import org.staffroom.windows.WindowMember;

/** Every type that crosses an operator or sits in state is a Flink POJO: no silent Kryo fallback. */
class FlinkTypesTest {

    @ParameterizedTest
    @ValueSource(classes = {ParsedRecord.class, Post.class, PostDeletion.class, RejectedPost.class, ScopedPost.class, LatePost.class,
            WindowMetrics.class, TopAccount.class, WindowAccumulator.class, WindowTotals.class, WindowMember.class,
            AuthorActivity.class})
    void isAPojoSerialisableWithoutKryo(Class<?> type) {
        TypeInformation<?> info = TypeInformation.of(type);
        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        SerializerConfigImpl noKryo = new SerializerConfigImpl();
        noKryo.setGenericTypes(false);
        // throws UnsupportedOperationException if any field needs the generic (Kryo) serializer
        assertThat(info.createSerializer(noKryo)).isNotNull();
    }
}
