package org.staffroom.source;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.staffroom.model.ParsedRecord;
import org.staffroom.parse.ParserSettings;
import org.staffroom.parse.PostParser;

/**
 * Parses in the source, so that each Kafka partition's event time drives its own watermark, and
 * keeps the record's coordinates for rejected_posts. Never throws on bad input.
 */
public class PostDeserializer implements KafkaRecordDeserializationSchema<ParsedRecord> {
    private static final long serialVersionUID = 1L;

    private final ParserSettings settings;
    private transient PostParser parser;

    public PostDeserializer(ParserSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        parser = new PostParser(settings);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ParsedRecord> out) {
        ParsedRecord parsed = parser.read(record.value(), record.topic(), record.partition(), record.offset(),
                System.currentTimeMillis());
        parsed.partition = record.partition();
        out.collect(parsed);
    }

    @Override
    public TypeInformation<ParsedRecord> getProducedType() {
        return TypeInformation.of(ParsedRecord.class);
    }
}
