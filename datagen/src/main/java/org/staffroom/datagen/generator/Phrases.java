package org.staffroom.datagen.generator;

import java.util.SplittableRandom;

/**
 * What educators write about: topics (each with the co-tag people add to it), sentences for every
 * kind of post, research and resource links. Plain data; {@link Composer} puts it together.
 */
final class Phrases {
    private Phrases() {}

    static byte[][] utf8(String... s) {
        byte[][] b = new byte[s.length][];
        for (int i = 0; i < s.length; i++) {
            b[i] = ByteText.utf8(s[i]);
        }
        return b;
    }

    static <T> T pick(T[] items, SplittableRandom random) {
        return items[random.nextInt(items.length)];
    }

    static final byte[][] TOPICS = utf8(
            "retrieval practice", "metacognition", "feedback", "cognitive load theory", "adaptive teaching",
            "oracy", "early reading", "phonics", "reading for pleasure", "behaviour routines",
            "teacher workload", "instructional coaching", "formative assessment", "curriculum sequencing",
            "dual coding", "staff wellbeing", "mentoring ECTs", "SEND provision", "attendance",
            "disciplinary literacy", "maths mastery", "vocabulary instruction", "homework",
            "parental engagement", "EdTech", "questioning", "worked examples", "inclusion",
            "middle leadership", "school improvement", "spaced practice", "modelling", "knowledge organisers",
            "exam preparation", "transition to secondary", "outdoor learning");
    /** The co-tag a post on {@link #TOPICS}[i] may carry (null: none in particular). */
    static final Tag[] TOPIC_TAGS = {
        Hashtags.EDRESEARCH, Hashtags.EDRESEARCH, null, Hashtags.EDRESEARCH, Hashtags.SEND,
        null, Hashtags.READING, Hashtags.EYFS, Hashtags.READING, Hashtags.BEHAVIOUR,
        Hashtags.WELLBEING, Hashtags.CPD, null, Hashtags.CURRICULUM,
        Hashtags.EDRESEARCH, Hashtags.WELLBEING, Hashtags.ECTS, Hashtags.SEND, null,
        Hashtags.LITERACY, Hashtags.MATHS, Hashtags.LITERACY, null,
        null, Hashtags.EDTECH, null, Hashtags.MATHS, Hashtags.SEND,
        Hashtags.LEADERSHIP, Hashtags.LEADERSHIP, Hashtags.RESEARCHED, null, Hashtags.CURRICULUM,
        null, Hashtags.PRIMARY, Hashtags.EYFS,
    };

    static final byte[][] PHASES = utf8(
            "EYFS", "KS1", "KS2", "KS3", "KS4", "the sixth form", "Year 6", "Year 9", "Year 11", "primary",
            "secondary", "an all-through school", "a special school", "FE", "a PRU");

    /** Job titles by {@link Community} role (secondary, primary, leader, other). */
    static final byte[][][] ROLES = {
        utf8("Head of maths", "Science teacher", "Head of English", "Head of history", "Head of year 9", "ECT",
                "Trainee teacher", "Geography teacher", "Head of MFL"),
        utf8("Year 6 teacher", "EYFS lead", "Teaching assistant", "Year 2 teacher", "Primary ECT", "KS2 lead",
                "Reception teacher"),
        utf8("Deputy head", "Primary headteacher", "Assistant head", "Headteacher", "Trust CPD lead", "Head of school"),
        utf8("Research lead", "SENCo", "Teacher educator", "Instructional coach", "Governor", "Education consultant"),
    };

    static final byte[][] PLACES = utf8(
            "Leeds", "Bristol", "Kent", "Cornwall", "Manchester", "Birmingham", "Newcastle", "Cardiff",
            "Glasgow", "Norfolk", "Essex", "Sheffield", "Nottingham", "Belfast", "Hull", "Cumbria",
            "Suffolk", "Liverpool", "Devon", "Leicester");

    static final byte[][] NUMBERS = utf8(
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16");

    // ---- links: research and practice the community passes around (two carry a '?' of their own)

    static final byte[][] RESEARCH_URLS = utf8(
            "https://educationendowmentfoundation.org.uk/education-evidence/teaching-learning-toolkit/feedback",
            "https://educationendowmentfoundation.org.uk/education-evidence/teaching-learning-toolkit/metacognition-and-self-regulation",
            "https://educationendowmentfoundation.org.uk/education-evidence/guidance-reports/literacy-ks2",
            "https://educationendowmentfoundation.org.uk/education-evidence/guidance-reports/send",
            "https://eef.org.uk/toolkit/homework",
            "https://eef.org.uk/guidance-reports/effective-professional-development",
            "https://researchschool.org.uk/unity/news/retrieval-practice-myths-and-realities",
            "https://researchschool.org.uk/durrington/news/modelling-and-explanation",
            "https://researchschool.org.uk/shotton-hall/news/adaptive-teaching-in-practice",
            "https://researchschool.org.uk/greenshaw/news/oracy-across-the-curriculum",
            "https://impact.chartered.college/article/cognitive-load-theory-in-the-classroom/",
            "https://my.chartered.college/research-hub/instructional-coaching/",
            "https://www.gov.uk/government/publications/early-career-framework",
            "https://www.gov.uk/government/publications/the-reading-framework",
            "https://blog.bera.ac.uk/category/teacher-education/",
            "https://www.nfer.ac.uk/publications/teacher-labour-market-in-england-annual-report-2024/",
            "https://teacherdevelopmenttrust.org/evidence-base/",
            "https://www.ambition.org.uk/blog/what-makes-great-instructional-coaching/",
            "https://www.youtube.com/watch?v=Gn5kV3x1mZc",
            "https://www.ucl.ac.uk/ioe/news?topic=teacher-workload",
            "https://schoolsweek.co.uk/ofsted-report-cards-what-schools-need-to-know/",
            "https://www.tes.com/magazine/teaching-learning/general/retrieval-practice-what-research-says");

    static final byte[][] RESOURCE_URLS = utf8(
            "https://www.tes.com/teaching-resource/knowledge-organiser-bundle-12912345",
            "https://drive.google.com/drive/folders/1aB3xK9qLmN0pQr7StUvWx",
            "https://padlet.com/staffroom/retrieval-starters",
            "https://docs.google.com/presentation/d/1CpdSlidesOnFeedback2025/edit",
            "https://www.tes.com/teaching-resource/year-6-reading-vipers-pack-12877001",
            "https://wakelet.com/wake/ECT-mentoring-collection",
            "https://www.oaknational.org.uk/teachers/programmes/maths-primary-ks2",
            "https://drive.google.com/file/d/1Vocab7Tier2WordsList/view");

    static final byte[][] BLOG_SLUGS = utf8(
            "retrieval-practice-revisited", "what-i-learned-this-term", "five-things-about-feedback",
            "why-we-stopped-marking-everything", "coaching-one-year-on", "reading-aloud-matters",
            "the-case-for-worked-examples", "leading-through-change");

    // ---- background originals

    static final Template[] SHARE_OPENERS = Template.of(
            "Really useful read on {topic}", "Excellent summary of the evidence on {topic}",
            "Thought-provoking piece on {topic}", "Worth ten minutes of your time if you're thinking about {topic}",
            "New blog: what we've learned about {topic} in {phase}", "Brilliant thread on {topic}",
            "Our department has been trialling {topic} with {phase}", "Fascinating research on {topic}",
            "Loved this guidance report on {topic}", "Sharing our staff CPD session on {topic}",
            "A clear, practical guide to {topic}", "If you only read one thing on {topic} this half term, make it this");
    static final byte[][] SHARE_CLOSERS = utf8(
            "", ".", ". Highly recommend.", ". Thoughts?", " \uD83D\uDC4F", ". Bookmarking for INSET.",
            ". Well worth a read.", " \u2014 lots to discuss at our next department meeting.");

    static final Template[] QUESTIONS = Template.of(
            "Does anyone have a good example of {topic} in {phase}?",
            "How are you approaching {topic} this term?",
            "What's the best book you've read on {topic}?",
            "Any recommendations for CPD on {topic}?",
            "Has anyone moved away from {topic}? What happened?",
            "How do you make time for {topic} with a full timetable?",
            "Leaders: how do you evaluate {topic} without adding to workload?");

    static final Template[] REFLECTIONS = Template.of(
            "Three years in and {topic} is still the thing that makes the biggest difference in my classroom.",
            "Reminder that {topic} is a marathon, not a sprint.",
            "Today's lesson on {topic} with {phase} went better than expected.",
            "Hot take: we talk about {topic} far more than we plan for it.",
            "Department meeting on {topic} today. Lots of good ideas, not enough time.",
            "Still thinking about yesterday's INSET on {topic}.",
            "Small change, big impact: {topic} with {phase} this week.");

    static final byte[][] VIA = utf8("via", "h/t", "thanks to", "spotted by");

    static final byte[][] EARLYBIRDS = utf8(
            "Morning all \u2615 Early start to get the marking done. Have a great day!",
            "Up and at it. Year 11 mocks to mark before school.",
            "Gym done, coffee made, ready for the day.",
            "Good morning! Frosty one out there, stay safe on the roads.",
            "First in the building again. Love the quiet before the storm.",
            "Morning! Who else is planning at 6am?",
            "Sunrise over the playground. Worth the early alarm.",
            "Kettle on, lesson plans printed, let's go.");

    static final byte[][] FIVE_A_DAY = utf8(
            "Evening run along the canal. Needed that.",
            "Walked the dog before school, fresh air works wonders.",
            "Baked bread with the kids this weekend.",
            "Choir rehearsal tonight, best part of my week.",
            "Phone off at 8pm, book on.",
            "Allotment time this weekend \uD83C\uDF31",
            "Yoga before bed. Slowly learning to switch off.",
            "Coffee with a colleague after school, no shop talk allowed.");

    static final Template[] RESOURCES = Template.of(
            "Free {topic} knowledge organiser for {phase}, help yourselves",
            "Made a set of retrieval quizzes on {topic}, free to use",
            "Our {phase} booklet on {topic}, please share and adapt",
            "Free CPD slides on {topic} from today's session",
            "Here's the planning template we use for {topic}. Take it, improve it, share it back");

    static final byte[][] NOMINATIONS_BEFORE = utf8(
            "Thank you for the nomination! My",
            "My",
            "Been nominated so here goes, my");
    static final byte[][] NOMINATIONS_AFTER = utf8(
            "five, who make this place better:",
            "five, the colleagues who have taught me most this year:",
            "five. Pass it on:");

    static final byte[][] CHATTER = utf8(
            "Parents' evening survived. Time for tea.",
            "Snow day rumours in the staffroom...",
            "Reports written. All 93 of them.",
            "Nothing like a fire drill in the rain.",
            "Half term can't come soon enough.",
            "Year 7 asked if I was alive when the internet was invented.",
            "The photocopier is jammed. Again.",
            "Best feedback today: 'Miss, that was actually quite fun.'");

    // ---- reactions

    static final byte[][] REPLIES = utf8(
            "Completely agree.", "Thanks for sharing, really useful.",
            "We tried this last year and it was a game changer for our Year 6s.", "Love this!",
            "Do you have a link to the full report?", "This is so true.", "Great point. How did staff respond?",
            "Saving this for our next department meeting.", "Couldn't agree more \uD83D\uDC4F",
            "Interesting, we found the opposite with KS3.", "Yes! And it saves so much time.",
            "Would love to hear more about how you introduced it.");

    static final byte[][] QUOTE_COMMENTS = utf8(
            "This is worth a read \uD83D\uDC47", "Exactly this.", "Important thread for anyone in leadership.",
            "Sharing with my team.", "Yes! Our experience exactly.", "A must-read for ECT mentors.",
            "Really interesting, though I'm not sure it works in primary.");

    // ---- chats

    static final Template[] CHAT_PROMOS = Template.of(
            "Tonight at 8pm: {topic}. Join us!",
            "Coming up at 8pm, we're talking {topic}. Bring your questions and your colleagues.");
    static final Template[] CHAT_WELCOMES = Template.of(
            "Welcome! Tonight we're talking about {topic}. Questions every 5 minutes, answer with A1, A2 and so on. Say hello and tell us where you're from!");
    static final Template[] CHAT_QUESTIONS = Template.of(
            "Q{n}: What does great {topic} look like in your setting?",
            "Q{n}: How do you know whether {topic} is working?",
            "Q{n}: What gets in the way of {topic} in your school?",
            "Q{n}: How can leaders support staff with {topic}?",
            "Q{n}: Which piece of research on {topic} has changed your practice?",
            "Q{n}: What's one thing you'll try this week on {topic}?",
            "Q{n}: How do you involve pupils and parents in {topic}?");
    static final byte[][] CHAT_ANSWERS = utf8(
            "Consistency across the team. Without it nothing sticks.",
            "Little and often, and modelled by the teacher first.",
            "Honestly? Time. Everything comes back to time.",
            "We built it into our curriculum maps rather than bolting it on.",
            "Pupil voice tells us more than any data drop.",
            "Coaching, not one-off INSET.",
            "Start small, evaluate, then scale.",
            "Protected time in department meetings made the difference for us.",
            "Clear routines, so the thinking goes on the learning.",
            "Modelling, modelling, modelling.",
            "When the kids can explain it to each other, we know it has landed.",
            "Lots of low-stakes quizzing and honest conversations.",
            "Reading the EEF guidance as a whole staff was the turning point.",
            "Trust. Staff need permission to try things and get them wrong.");
    static final Template[] CHAT_GREETINGS = Template.of(
            "Evening all! {role} from {place}, here for some {topic} talk.",
            "Hi everyone, {role} in {place}. Tea in hand, ready.",
            "Evening! {role} joining from {place}.",
            "Hello from {place}! Not missed one of these in ages.");
    static final Template[] CHAT_PRE = Template.of(
            "Looking forward to tonight's chat on {topic}!",
            "Kids in bed, tea made, ready for tonight.",
            "Who's joining tonight? {topic} is a big one for us this year.");
    static final Template[] CHAT_ASKS = Template.of(
            "Question for everyone: how do you get buy-in for {topic} from {phase} staff?",
            "Does anyone evaluate {topic} formally?",
            "Slightly off topic, but how do you handle {topic} with mixed-age classes?");
    static final Template[] CHAT_AFTER = Template.of(
            "Great chat tonight, thanks",
            "So many ideas from tonight's chat on {topic}. Thank you",
            "Missed the start but caught up, brilliant discussion. Thanks");
    static final Template[] CHAT_CLOSINGS = Template.of(
            "That's all for tonight! Thank you for joining us on {topic}. A summary will follow on the blog.");

    // ---- newcomers

    static final Template[] DEBUTS_IN_CHAT = Template.of(
            "First time joining, hello everyone! {role} in {phase}.",
            "Hi all, first time here. {role} from {place}, be gentle!");
    static final Template[] DEBUTS_AFTER_LURKING = Template.of(
            "Long-time lurker, first time joining in! {role} from {place}.",
            "I've been reading along for weeks, time to say hello. {role} in {phase}.");
    static final Template[] DEBUTS = Template.of(
            "Hello! New {role} here, looking forward to learning from you all.",
            "Finally joined after years of lurking. {role} in {phase}. Say hi!",
            "First post! {role} from {place}, interested in {topic}.");
}
