namespace Haven.Core.Synthetic;

/// What a note can say about the child and the people around them on the day it describes.
internal sealed class NoteContext
{
    public required string Child { get; init; }
    public required string He { get; init; }
    public required string His { get; init; }
    public required string Him { get; init; }
    public int Age { get; init; }
    public bool Unborn { get; init; }
    public string? Mother { get; init; }
    public string? Father { get; init; }
    public string? Sibling { get; init; }
    public string? Carer { get; set; }
    public string? Placement { get; set; }
    public string? School { get; init; }
    public string? SchoolContact { get; init; }
    public string? Gp { get; init; }
    public string? HealthVisitor { get; init; }
    public string Concern { get; init; } = "the family's circumstances";
    public string? Category { get; init; }
    public string Worker { get; set; } = "";
    public string? Manager { get; set; }
    public string Parent => Mother ?? Father ?? "the parent";
    public string ParentFirst => Parent.Split(' ')[0];
    public string HeCap => char.ToUpperInvariant(He[0]) + He[1..];
    public string HisCap => char.ToUpperInvariant(His[0]) + His[1..];
    public bool SchoolAge => Age is >= 5 and <= 17;
    public bool Baby => !Unborn && Age <= 1;
    public bool Young => !Unborn && Age is >= 2 and <= 4;
    public bool Teen => Age >= 12;
}

/// Sentences for case notes, written for this generator. A note is a few of these, chosen at
/// random, so the record reads like practice without repeating itself word for word.
internal static class CaseNoteText
{
    public static readonly Func<NoteContext, string>[] HomeOpenings =
    [
        c => $"Visited {c.Child} at home as planned. {c.ParentFirst} was in and let me in straight away.",
        c => $"Unannounced visit to the family home. {c.ParentFirst} answered the door after a short wait and invited me in.",
        c => $"Planned home visit. {c.ParentFirst} had tidied the front room and said {c.Child} had been looking forward to seeing me.",
        c => $"Visit to the family home. {c.Child} and {c.ParentFirst} were both in.",
        c => $"Home visit, arranged by text the day before. {c.ParentFirst} was friendly but tired and said it had been a difficult week.",
        c => $"Visited the family at home. {c.Mother ?? c.Parent} and {(c.Sibling is null ? c.Child : c.Sibling + " and " + c.Child)} were present.",
    ];

    public static readonly Func<NoteContext, string>[] UnbornOpenings =
    [
        c => $"Visited {c.Parent} at home to continue pre-birth planning. The baby is due in the coming weeks and {c.ParentFirst} has been attending midwife appointments.",
        c => $"Pre-birth visit to {c.ParentFirst}. We went through the plan for the birth and the first days at home.",
        c => $"Visited {c.ParentFirst}, who is in the third trimester. The nursery is partly set up, with a cot and a changing mat in the bedroom.",
    ];

    public static readonly Func<NoteContext, string>[] PlacementOpenings =
    [
        c => $"Statutory visit to {c.Child} at {c.Placement}.",
        c => $"Visited {c.Child} in placement ({c.Placement}). {c.Carer ?? "Staff"} welcomed me and made a drink.",
        c => $"Visit to {c.Child} at {c.Placement}, arranged with {c.Carer ?? "the placement"} last week.",
        c => $"Visited {c.Child} at {c.Placement}; {c.Carer ?? "the key worker"} was also present for part of the visit.",
    ];

    public static readonly Func<NoteContext, string>[] BabyObservations =
    [
        c => $"{c.Child} was alert and settled, making good eye contact and babbling. {c.HeCap} was clean and appropriately dressed.",
        c => $"{c.Child} was asleep in the Moses basket when I arrived and woke during the visit; {c.ParentFirst} responded quickly and warmly.",
        c => $"I observed a feed. {c.ParentFirst} held {c.Child} close and talked to {c.Him} throughout. Weight gain is on track according to the red book.",
        c => $"{c.Child} was crawling around the living room and pulling to stand on the sofa. Safety gates are now fitted on the stairs.",
    ];

    public static readonly Func<NoteContext, string>[] YoungObservations =
    [
        c => $"{c.Child} showed me {c.His} toys and we built a tower of blocks together. {c.HisCap} speech is coming on well.",
        c => $"{c.Child} was playing with play dough at the kitchen table and chatted to me about nursery.",
        c => $"{c.Child} was lively and went to {c.ParentFirst} for comfort when {c.He} bumped {c.His} knee, which was reassuring to see.",
        c => $"{c.Child} was shy at first but warmed up and showed me a drawing of the family, including the dog next door.",
    ];

    public static readonly Func<NoteContext, string>[] ChildVoice =
    [
        c => $"I saw {c.Child} alone in {c.His} bedroom. {c.HeCap} said things at home are \"alright\" and that the arguments have stopped.",
        c => $"Spoke with {c.Child} on {c.His} own. {c.HeCap} said {c.He} likes {c.His} teacher and has a new friend in class.",
        c => $"On {c.His} own, {c.Child} told me {c.He} worries about {c.ParentFirst} when {c.ParentFirst} is upset, and that {c.He} sometimes can't sleep.",
        c => $"We used the three houses tool. {c.Child}'s house of worries had \"shouting\" and \"when Mum cries\"; {c.His} house of dreams had a trip to the seaside.",
        c => $"{c.Child} was quiet and said {c.He} was tired. {c.HeCap} did not want to talk about home today and we agreed to try again next time.",
        c => $"{c.Child} said {c.He} feels safe at home at the moment and would tell {c.His} teacher if anything changed.",
        c => $"Seen alone: {c.Child} talked about football and gaming and said {c.He} wants to see {c.His} dad more often.",
    ];

    public static readonly Func<NoteContext, string>[] TeenVoice =
    [
        c => $"Spoke with {c.Child} alone in {c.His} room. {c.HeCap} said school is \"boring\" but {c.He} is going most days now.",
        c => $"{c.Child} agreed to a walk to the shop so we could talk. {c.HeCap} said {c.He} is staying out later because home feels tense.",
        c => $"{c.Child} was guarded and said {c.He} doesn't see the point of social workers, but {c.He} did talk about wanting a part-time job.",
        c => $"{c.Child} told me {c.He} has been going to bed late and using {c.His} phone into the night. We talked about who {c.He} talks to online.",
        c => $"Seen alone. {c.Child} said things with {c.ParentFirst} are better and they have been cooking together at weekends.",
    ];

    public static readonly Func<NoteContext, string>[] ParentDiscussion =
    [
        c => $"Discussed {c.Concern} with {c.ParentFirst}, who acknowledged the impact on the children and agreed to keep working with the support services.",
        c => $"{c.ParentFirst} said {c.Concern} has been less of a problem this month. I reminded {c.ParentFirst} of the agreements in the plan.",
        c => $"We talked about routines. {c.ParentFirst} has been getting the children to school on time and bedtimes are more settled.",
        c => $"{c.ParentFirst} was defensive when I raised {c.Concern} and said professionals are exaggerating. I explained why we remain worried.",
        c => $"{c.ParentFirst} has attended two sessions with the support worker and found them helpful. Housing remains a source of stress.",
        c => $"{c.ParentFirst} shared that money has been tight; I gave details of the food bank and the council's support fund.",
    ];

    public static readonly Func<NoteContext, string>[] HomeConditions =
    [
        _ => "Home conditions were adequate: the kitchen was clean, there was food in the fridge and the children's beds had clean bedding.",
        _ => "I saw the children's bedrooms. They were cluttered but safe, with a bed and clean bedding each.",
        _ => "The home was untidy, with dirty dishes and laundry piled in the hallway. We agreed a plan to tackle one room at a time.",
        _ => "Home conditions have improved since the last visit; the broken window in the back bedroom has been repaired.",
        _ => "There was a smell of damp in the back bedroom. I will chase the landlord about the repairs.",
    ];

    public static readonly Func<NoteContext, string>[] CarerDiscussion =
    [
        c => $"{c.Carer ?? "The carer"} reported that {c.Child} is settled, eating well and sleeping through most nights.",
        c => $"{c.Carer ?? "The key worker"} said {c.Child} had a difficult week after family time, with some angry outbursts, but recovered by the weekend.",
        c => $"{c.Carer ?? "The carer"} has noticed {c.Child} is more confident and has joined an after-school club.",
        c => $"{c.Carer ?? "Staff"} raised concerns about {c.Child} coming back late twice this month; the missing protocol was followed on both occasions.",
        c => $"We discussed family time. {c.Child} sees {c.ParentFirst} fortnightly at the family centre and looks forward to it.",
    ];

    public static readonly Func<NoteContext, string>[] Education =
    [
        c => c.School is null ? $"{c.Child} is not in education at present; a referral to the education team has been made." : $"{c.School} reports attendance this term is around 90%.",
        c => c.School is null ? $"We talked about what {c.Child} would like to do next year." : $"{c.Child} said {c.He} is enjoying art and PE at {c.School}.",
        c => c.School is null ? $"{c.Child} is keen to start a college course in September." : $"The PEP targets for reading and maths are on track according to {c.School}.",
    ];

    public static readonly Func<NoteContext, string>[] Actions =
    [
        c => $"Next steps: I will speak with {c.School ?? "the health visitor"} this week and update the plan.",
        c => $"Actions agreed: {c.ParentFirst} to attend the parenting course; I will visit again within the visiting timescale.",
        c => $"I will discuss the visit with {c.Manager ?? "my manager"} in supervision.",
        c => $"No new concerns identified. Next visit booked.",
        c => $"I left my contact details and the out-of-hours number, and reminded {c.ParentFirst} how to reach the duty team.",
        c => $"I will send {c.ParentFirst} a copy of the updated plan and check in by phone on Friday.",
    ];

    /// Background that any note may carry, to keep short notes readable on their own.
    public static readonly Func<NoteContext, string>[] Background =
    [
        c => c.Unborn || c.Age < 18 ? $"For context: the current plan addresses {c.Concern}." : $"{c.Child} is working towards the goals in the pathway plan.",
        c => $"{c.Child} {(c.Unborn ? "is due soon" : c.SchoolAge && c.School is not null ? "attends " + c.School : "lives with " + c.Parent)}.",
        c => $"The allocated worker is {c.Worker}{(c.Manager is null ? "" : ", supervised by " + c.Manager)}.",
        c => $"Recorded as part of the ongoing work about {c.Concern}.",
    ];

    public static readonly Func<NoteContext, string>[] LeaverClosings =
    [
        _ => "Next contact booked for two weeks' time.",
        c => $"I will chase the housing application and let {c.Child} know the outcome.",
        c => $"Reminded {c.Child} of the out-of-hours number and how to reach me.",
        c => $"Agreed to meet again next month; {c.Child} will text if anything changes before then.",
        _ => "Pathway plan updated with today's discussion.",
    ];

    public static readonly Func<NoteContext, string>[] NotSeen =
    [
        c => $"Visited as arranged but there was no answer. I could hear the television inside. I left a card and texted {c.ParentFirst}.",
        c => $"{c.Child} was not at home when I visited; {c.ParentFirst} said {c.He} was at a friend's house. I will visit again this week.",
        c => $"Visit attempted. {c.ParentFirst} cancelled by text an hour before, saying {c.Child} was unwell. A new date has been arranged for two days' time.",
    ];

    public static readonly Func<NoteContext, string>[] EarlyHelpWork =
    [
        c => $"Worked with {c.ParentFirst} on a morning routine chart; {c.Child} helped decorate it.",
        c => $"We reviewed the family plan. School attendance is up and {c.ParentFirst} has registered with the housing team.",
        c => $"{c.ParentFirst} has started the parenting group at the family hub and said the other parents were welcoming.",
        c => $"Supported {c.ParentFirst} to complete a benefits form and to book a GP appointment about low mood.",
        c => $"{c.Child} joined the youth club on Tuesday and enjoyed it. {c.ParentFirst} said there have been fewer arguments at home.",
    ];

    public static readonly Func<NoteContext, string>[] LeaverContact =
    [
        c => $"Met {c.Child} for a catch-up at a café in town. {c.HeCap} is managing the tenancy and has paid the rent on time this month.",
        c => $"{c.Child} is doing a college course three days a week and is looking for weekend work. We updated the CV together.",
        c => $"{c.Child} said {c.He} has been feeling low. We talked about the wellbeing service and I helped {c.Him} book a GP appointment.",
        c => $"Discussed budgeting. {c.Child} ran short of money before payday; we set up a simple spending plan and I gave a food voucher.",
        c => $"{c.Child} is in touch with {c.ParentFirst} again and visits most weekends. {c.HeCap} said it is going better than expected.",
        c => $"Reviewed the pathway plan goals with {c.Child}: driving lessons, a provisional licence and saving for a deposit.",
    ];

    public static readonly string[] PhoneWith = ["school", "GP", "health visitor", "mother", "father", "police", "housing", "carer", "school nurse"];

    public static string PhoneCall(NoteContext c, string who) => who switch
    {
        "school" => $"Phoned {c.SchoolContact ?? "the designated safeguarding lead"} at {c.School ?? "school"}. {c.Child}'s attendance is {(c.Age % 2 == 0 ? "improving" : "a concern, with several late marks")}. No new safeguarding concerns this week.",
        "GP" => $"Called {c.Gp ?? "the GP surgery"}. {c.ParentFirst} has attended recent appointments and the practice has no new concerns to share.",
        "health visitor" => $"Spoke with {c.HealthVisitor ?? "the health visitor"}. {c.Child}'s development check is done and weight is on the expected centile.",
        "police" => "Call with the police safeguarding team: no further call-outs to the address since the last meeting.",
        "housing" => "Called the housing team about the repairs and overcrowding. The family's banding has been reviewed and the repairs are booked.",
        "carer" => $"Call with {c.Carer ?? "the carer"}, who said {c.Child} has had a good week and is looking forward to the school trip.",
        "school nurse" => $"The school nurse said {c.Child} has been coming to the drop-in and has been offered support with sleep.",
        _ => $"Call with {c.Parent}. {c.ParentFirst} wanted to rearrange next week's visit; we agreed Thursday afternoon. Checked that the children were well.",
    };

    public static readonly Func<NoteContext, string>[] Oversight =
    [
        c => $"Management oversight. I have reviewed the record and discussed {c.Child} with {c.Worker}. Visits are up to date and the plan is progressing. Next review of progress in one month.",
        c => $"Management oversight: the risks around {c.Concern} remain. Agreed that {c.Worker} will complete a chronology update and that the case stays at the current level.",
        c => $"Oversight following the recent meeting. The plan is appropriate and proportionate. {c.Worker} to complete direct work on {c.Child}'s wishes and feelings before the next review.",
        c => $"Case reviewed. Evidence of progress: improved attendance and engagement with services. Risk of drift is low; continue with the current plan.",
        c => $"Management decision: the threshold for the current plan is still met because of {c.Concern}. Tasks reset with timescales for {c.Worker}.",
    ];

    public static readonly Func<NoteContext, string>[] SupervisionNotes =
    [
        c => $"Case supervision with {c.Worker}. Reflected on {c.Child}'s lived experience and what a day is like for {c.Him}. Hypothesis: {c.Concern} is driving the inconsistent care. Actions agreed with timescales.",
        c => $"Supervision. Discussed progress against the plan and the views of {c.Child}. {c.Worker} will seek the views of {c.School ?? "the health visitor"} and update the assessment.",
        c => $"Supervision: reviewed visits, the plan and the chronology. Considered whether the current level of intervention is right; agreed it remains so for now.",
        c => $"Reflective supervision. {c.Worker} described feeling stuck with {c.ParentFirst}'s engagement. We agreed a different approach and a joint visit.",
    ];

    public static readonly Func<NoteContext, string>[] ManagerClosings =
    [
        _ => "Next case supervision in six weeks.",
        c => $"Actions and timescales recorded on the case for {c.Worker}.",
        _ => "I will review progress against these actions at the next oversight.",
        c => $"Agreed with {c.Worker} that any change in risk is escalated to me the same day.",
        _ => "No change to the level of intervention at this time.",
    ];

    public static readonly Func<NoteContext, string>[] DirectWork =
    [
        c => $"Direct work with {c.Child} using the three houses. {c.HeCap} wanted {c.ParentFirst} to \"stop being sad\" and to have more days out together.",
        c => $"Life story work with {c.Child}: we looked at baby photos and made a page about {c.His} first home.",
        c => $"Worked with {c.Child} on a safety plan: who {c.He} can call, safe places, and what to do if the adults are arguing.",
        c => $"We used the wishes and feelings cards. {c.Child} chose \"happy\" for school and \"worried\" for weekends.",
        c => $"Direct work on feelings. {c.Child} drew a picture of {c.His} family and talked about who {c.He} feels closest to.",
    ];

    public static readonly Func<NoteContext, string>[] Emails =
    [
        c => $"Email from {c.School ?? "the nursery"} with this term's attendance figures and a note that {c.Child} has settled well in class.",
        c => $"Email received from the health visiting team confirming {c.Child}'s last check and immunisations.",
        c => $"Email from {c.ParentFirst} asking to move the next meeting. Replied with two alternative dates.",
        c => $"Sent the minutes of the last meeting to the professionals involved and asked for updates by Friday.",
    ];

    public static readonly Func<NoteContext, string>[] CaseNotes =
    [
        c => $"Chronology updated with recent events, including the last visit and the information from {c.School ?? "partner agencies"}.",
        c => $"Arranged transport for {c.Child} to family time at the family centre on Saturday.",
        c => $"Case summary updated to reflect {c.Concern} and the current plan.",
        c => $"Birthday card and gift voucher sent to {c.Child}.",
        c => $"Checked the record: contact details for {c.ParentFirst} confirmed as current.",
    ];
}
