package org.staffroom.datagen.generator;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Screen names the way UK educators pick them ({@code MrsPatelMaths}, {@code Mr_Okafor},
 * {@code SarahJ_Head}): letters, digits and underscores, at most 15 characters, unique ignoring
 * case (the platforms and the job's mention counts compare them in lower case).
 */
final class Handles {
    private static final String[] TITLES = {"Mr", "Mrs", "Ms", "Miss", "Dr"};
    private static final String[] FIRST = {
        "Sarah", "James", "Emma", "Tom", "Priya", "Daniel", "Laura", "Mohammed", "Hannah", "Chris", "Aisha",
        "Ben", "Claire", "Rob", "Sophie", "Kate", "Jon", "Amy", "Rachel", "Mark", "Fiona", "Sam", "Zara",
        "Ollie", "Nadia", "Gareth", "Helen", "Liam", "Jess", "Ravi", "Beth", "Kwame", "Niamh", "Ewan",
    };
    private static final String[] SURNAMES = {
        "Smith", "Jones", "Patel", "Williams", "Brown", "Taylor", "Davies", "Evans", "Wilson", "Khan",
        "Thomas", "Roberts", "Walker", "Wright", "Hughes", "Green", "Hall", "Wood", "Clarke", "Okafor",
        "Begum", "Murphy", "Campbell", "Ali", "Lewis", "Jackson", "Scott", "Morgan", "Cooper", "Hill",
        "Ward", "Singh", "Mensah", "Kelly", "Price", "Bell", "Shaw", "Reid", "Bailey", "Chen", "Nowak",
        "Ahmed", "Fraser", "Doyle", "Parry", "Quinn", "Hussain", "Owen", "Lloyd", "Baker",
    };
    /** Suffixes by {@link Community} role: secondary, primary, leader, other. */
    private static final String[][] SUFFIXES = {
        {"Maths", "_Sci", "English", "History", "Geog", "RE", "MFL", "PE", "Music", "Art", "CS", "Teach", "Chem"},
        {"Y2", "Y6", "KS1", "KS2", "EYFS", "Primary", "_Reads", "Teach", "Y4"},
        {"Head", "HT", "DHT", "SLT", "Lead", "_Head", "AHT"},
        {"Ed", "Research", "_PhD", "Coach", "CPD", "EdTech", "Learns"},
    };

    private final Set<String> used = new HashSet<>();

    /** Reserves a fixed handle (the chats' own accounts). */
    String reserve(String handle) {
        if (!used.add(handle.toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("handle taken: " + handle);
        }
        return handle;
    }

    String next(int role, SplittableRandom random) {
        String base = compose(role, random);
        if (used.add(base.toLowerCase(Locale.ROOT))) {
            return base;
        }
        for (int digits = 2; ; digits++) {
            int bound = (int) StrictMath.pow(10, Math.min(digits, 6));
            String number = Integer.toString(random.nextInt(bound));
            String h = cut(base, 15 - number.length()) + number;
            if (used.add(h.toLowerCase(Locale.ROOT))) {
                return h;
            }
        }
    }

    private static String compose(int role, SplittableRandom r) {
        String first = Phrases.pick(FIRST, r);
        String surname = Phrases.pick(SURNAMES, r);
        String suffix = Phrases.pick(SUFFIXES[role], r);
        String h;
        switch (r.nextInt(6)) {
            case 0 -> h = Phrases.pick(TITLES, r) + surname + suffix;
            case 1 -> h = first + surname;
            case 2 -> h = first + (suffix.startsWith("_") ? "" : "_") + suffix;
            case 3 -> h = Phrases.pick(TITLES, r) + "_" + surname;
            case 4 -> h = first + surname.charAt(0) + suffix;
            default -> h = surname + suffix;
        }
        return cut(h, 15);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
