package org.staffroom.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizationTest {

    @Test
    void contractExamplesAreOneHashtag() {
        assertThat(Normalization.hashtag("#UKEdChat")).isEqualTo("ukedchat");
        assertThat(Normalization.hashtag("ukedchat")).isEqualTo("ukedchat");
        assertThat(Normalization.hashtag("#ＵＫＥｄＣｈａｔ")).isEqualTo("ukedchat");
        assertThat(Normalization.hashtag("＃SLTchat")).isEqualTo("sltchat");
    }

    @Test
    void onlyOneLeadingHashIsStripped() {
        assertThat(Normalization.hashtag("##edchat")).isEqualTo("#edchat");
    }

    @Test
    void lowerCasingIgnoresTheDefaultLocale() {
        // in a Turkish locale "I".toLowerCase() is a dotless ı
        assertThat(Normalization.hashtag("#EDUCATIONIST")).isEqualTo("educationist");
    }

    @Test
    void emptyAndRepeatedHashtagsCountOnce() {
        assertThat(Normalization.distinctHashtags(List.of("#", "#PrimEdChat", "primedchat", "", "#EdChat")))
                .containsExactly("primedchat", "edchat");
    }

    @Test
    void mentionsLoseTheirAtAndCase() {
        assertThat(Normalization.distinctMentions(List.of("@HeadTeacher", "headteacher", "＠Staffroom", "@")))
                .containsExactly("headteacher", "staffroom");
    }
}
