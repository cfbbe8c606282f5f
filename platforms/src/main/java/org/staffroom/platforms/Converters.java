package org.staffroom.platforms;

import org.staffroom.platforms.bluesky.JetstreamConverter;
import org.staffroom.platforms.contract.ContractEventReader;
import org.staffroom.platforms.mastodon.MastodonConverter;
import org.staffroom.platforms.x.XConverter;

/** The converter of each format. Each call gives a new one: the Bluesky converter learns handles as it reads. */
public final class Converters {
    private Converters() {}

    public static RecordConverter forFormat(SourceFormat format, ConverterOptions options) {
        return switch (format) {
            case X_V2 -> new XConverter();
            case MASTODON -> new MastodonConverter(options.mastodonDomain());
            case BLUESKY -> new JetstreamConverter(options.blueskyHandles(), options.maxBlueskyHandles());
            case STAFFROOM -> new ContractEventReader();
        };
    }
}
