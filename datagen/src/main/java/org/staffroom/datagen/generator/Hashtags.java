package org.staffroom.datagen.generator;

/** The hashtags of UK education social media that the generator uses. */
final class Hashtags {
    private Hashtags() {}

    // the weekly chats of the default calendar (contract §3)
    static final Tag SLTCHAT = new Tag("SLTchat");
    static final Tag PRIMEDCHAT = new Tag("primedchat");
    static final Tag UKEDCHAT = new Tag("UKEdChat");

    // background traffic
    static final Tag EDCHAT = new Tag("edchat");
    static final Tag TEACHER5ADAY = new Tag("teacher5aday");
    static final Tag SHARINGISCARING = new Tag("sharingiscaring");
    static final Tag EARLYBIRDS = new Tag("earlybirds");
    static final Tag TWITTERATI = new Tag("TwitteratiChallenge");
    static final Tag EDUTWITTER = new Tag("edutwitter");

    // topical co-tags
    static final Tag EDRESEARCH = new Tag("edresearch");
    static final Tag RESEARCHED = new Tag("researchED");
    static final Tag WELLBEING = new Tag("wellbeing");
    static final Tag CPD = new Tag("CPD");
    static final Tag SEND = new Tag("SEND");
    static final Tag EYFS = new Tag("EYFS");
    static final Tag MATHS = new Tag("maths");
    static final Tag LITERACY = new Tag("literacy");
    static final Tag READING = new Tag("reading");
    static final Tag LEADERSHIP = new Tag("leadership");
    static final Tag ECTS = new Tag("ECTs");
    static final Tag CURRICULUM = new Tag("curriculum");
    static final Tag BEHAVIOUR = new Tag("behaviour");
    static final Tag EDTECH = new Tag("edtech");
    static final Tag PRIMARY = new Tag("primary");
}
