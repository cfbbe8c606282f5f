package org.staffroom.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.staffroom.metrics.AuthorActivity;
import org.staffroom.metrics.WindowTotals;
import org.staffroom.state.CompactSerializer;
import org.staffroom.state.CompactTypeInfo;
import org.staffroom.windows.WindowAccumulator;
import org.staffroom.windows.WindowMember;

/** No type that crosses an operator or sits in state falls back to Kryo, or to Flink's reflective POJO serializer between operators. */
class FlinkTypesTest {

    @ParameterizedTest
    @ValueSource(classes = {ParsedRecord.class, Post.class, PostDeletion.class, RejectedPost.class, ScopedPost.class,
            LatePost.class, WindowMetrics.class, TopAccount.class})
    void aRecordBetweenOperatorsHasASerializerOfItsOwn(Class<?> type) {
        TypeInformation<?> info = TypeInformation.of(type);
        assertThat(info).isInstanceOf(CompactTypeInfo.class);
        assertThat(info.createSerializer(noKryo())).isInstanceOf(CompactSerializer.class);
    }

    /** State names its serializers itself; these types stay POJOs Flink could serialize without Kryo all the same. */
    @ParameterizedTest
    @ValueSource(classes = {WindowAccumulator.class, WindowTotals.class, WindowMember.class, AuthorActivity.class})
    void aStateTypeIsAPojoSerialisableWithoutKryo(Class<?> type) {
        TypeInformation<?> info = TypeInformation.of(type);
        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        // throws UnsupportedOperationException if any field needs the generic (Kryo) serializer
        assertThat(info.createSerializer(noKryo())).isNotNull();
    }

    private static SerializerConfigImpl noKryo() {
        SerializerConfigImpl noKryo = new SerializerConfigImpl();
        noKryo.setGenericTypes(false);
        return noKryo;
    }
}
