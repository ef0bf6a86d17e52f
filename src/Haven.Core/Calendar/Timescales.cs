using System.Text;
using static Haven.Core.Calendar.TimescaleStatus;

namespace Haven.Core.Calendar;

/// <summary>
/// The one registry of timescale rules, taken from shared/reference/timescales.md. Local practice
/// rules carry typical defaults; a council can vary one with <c>rule with { Period = ... }</c>.
/// </summary>
public static class Timescales
{
    private const string WorkingTogether = "Working Together to Safeguard Children 2023";
    private const string CarePlanningRegulations = "Care Planning, Placement and Case Review (England) Regulations 2010";
    private const string HealthGuidance = "Promoting the health and wellbeing of looked-after children (2015, updated 2022)";
    private const string ComplaintsRegulations = "Children Act 1989 Representations Procedure (England) Regulations 2006";

    // Front door, assessment and children in need.
    public static readonly TimescaleRule ReferralDecision = new(
        "referral-decision", "Decide the response to a contact or referral",
        "Contact or referral received by children's social care", Period.WorkingDays(1),
        StatutoryGuidance, $"{WorkingTogether}, ch.3; timescales.md row 1");

    public static readonly TimescaleRule Assessment = new(
        "assessment", "Complete and authorise the child and family assessment",
        "Referral received", Period.WorkingDays(45),
        StatutoryGuidance, $"{WorkingTogether}, ch.3; CIN census guide; timescales.md row 2");

    public static readonly TimescaleRule ChildInNeedPlan = new(
        "child-in-need-plan", "Put a child in need plan in place",
        "Assessment authorised, child in need", Period.WorkingDays(10),
        LocalPractice, "Local procedures; timescales.md row 3");

    public static readonly TimescaleRule ChildInNeedPlanReview = new(
        "child-in-need-plan-review", "Review the child in need plan",
        "Child in need plan start, then the last review", Period.Weeks(12),
        LocalPractice, "Local procedures (commonly every 3 months; Haven:ChildInNeed:ReviewWeeks); timescales.md row 4");

    public static readonly TimescaleRule ChildInNeedVisit = new(
        "child-in-need-visit", "Visit a child with a child in need plan",
        "Child in need plan start, then the last visit", Period.WorkingDays(20),
        LocalPractice, "Published local authority visiting standards; timescales.md row 5");

    public static readonly TimescaleRule ReReferralWindow = new(
        "re-referral-window", "Count a new referral as a re-referral",
        "Previous referral", Period.Months(12),
        NationalGuidance, "CIN census definition; timescales.md row 6");

    // Child protection.
    public static readonly TimescaleRule InitialChildProtectionConference = new(
        "initial-child-protection-conference", "Hold the initial child protection conference",
        "Strategy discussion that started the section 47 enquiry (the last, if there were several)", Period.WorkingDays(15),
        StatutoryGuidance, $"{WorkingTogether}, ch.3; CIN census; timescales.md row 10");

    public static readonly TimescaleRule TransferInConference = new(
        "transfer-in-conference", "Hold a transfer-in child protection conference",
        "Notice that a child with a child protection plan has moved in from another council", Period.WorkingDays(15),
        LocalPractice, "London child protection procedures; timescales.md row 12");

    public static readonly TimescaleRule FirstCoreGroup = new(
        "first-core-group", "Hold the first core group meeting",
        "Initial child protection conference", Period.WorkingDays(10),
        StatutoryGuidance, $"{WorkingTogether}, ch.3; timescales.md row 13");

    public static readonly TimescaleRule CoreGroup = new(
        "core-group", "Hold a core group meeting",
        "Last core group meeting", Period.Weeks(6),
        LocalPractice, "Local procedures; timescales.md row 14");

    public static readonly TimescaleRule ChildProtectionVisit = new(
        "child-protection-visit", "Visit a child with a child protection plan",
        "Child protection plan start, then the last visit", Period.WorkingDays(10),
        LocalPractice, "Published local authority visiting standards; timescales.md row 15");

    public static readonly TimescaleRule FirstChildProtectionReview = new(
        "first-child-protection-review", "Hold the first child protection review conference",
        "Initial child protection conference", Period.Months(3),
        StatutoryGuidance, $"{WorkingTogether}, ch.3; timescales.md row 16");

    public static readonly TimescaleRule ChildProtectionReview = new(
        "child-protection-review", "Hold the next child protection review conference",
        "Last review conference", Period.Months(6),
        StatutoryGuidance, $"{WorkingTogether}, ch.3; timescales.md row 17");

    public static readonly TimescaleRule LongChildProtectionPlan = new(
        "long-child-protection-plan", "Flag a child protection plan lasting 2 years or more",
        "Child protection plan start", Period.Months(24),
        NationalGuidance, "CIN census; timescales.md row 19");

    // Children looked after.
    public static readonly TimescaleRule CarePlan = new(
        "care-plan", "Prepare the care plan, if it was not ready before the first placement",
        "Start of the first placement", Period.WorkingDays(10),
        Statutory, $"{CarePlanningRegulations}, reg 4; timescales.md row 22");

    public static readonly TimescaleRule PlacementPlan = new(
        "placement-plan", "Agree the placement plan, if it was not agreed before the placement",
        "Placement start", Period.WorkingDays(5),
        Statutory, $"{CarePlanningRegulations}, reg 9; timescales.md row 23");

    public static readonly TimescaleRule IndependentReviewingOfficer = new(
        "independent-reviewing-officer", "Appoint an independent reviewing officer",
        "Child becomes looked after", Period.WorkingDays(5),
        StatutoryGuidance, "Children Act 1989 s25A; IRO Handbook (2010); timescales.md row 24");

    public static readonly TimescaleRule FirstLookedAfterReview = new(
        "first-looked-after-review", "Hold the first review of a looked-after child",
        "Child becomes looked after", Period.WorkingDays(20),
        Statutory, $"{CarePlanningRegulations}, reg 33; timescales.md row 25");

    public static readonly TimescaleRule SecondLookedAfterReview = new(
        "second-looked-after-review", "Hold the second review of a looked-after child",
        "First review", Period.Months(3),
        Statutory, $"{CarePlanningRegulations}, reg 33; timescales.md row 26");

    public static readonly TimescaleRule LookedAfterReview = new(
        "looked-after-review", "Hold the next review of a looked-after child",
        "Last review", Period.Months(6),
        Statutory, $"{CarePlanningRegulations}, regs 32 and 33; timescales.md row 27");

    public static readonly TimescaleRule FirstPlacementVisit = new(
        "first-placement-visit", "Visit the child in a new placement",
        "Placement start", Period.Weeks(1),
        Statutory, $"{CarePlanningRegulations}, reg 28(2)(a); timescales.md row 30");

    public static readonly TimescaleRule LookedAfterVisit = new(
        "looked-after-visit", "Visit the child during the first year of a placement",
        "Last visit", Period.Weeks(6),
        Statutory, $"{CarePlanningRegulations}, reg 28(2)(b); timescales.md row 31");

    public static readonly TimescaleRule PlacementUntilAdulthoodVisit = new(
        "placement-until-adulthood-visit", "Visit the child after the first year of a placement meant to last until 18",
        "Last visit", Period.Months(3),
        Statutory, $"{CarePlanningRegulations}, reg 28(2)(c); timescales.md row 32");

    public static readonly TimescaleRule InitialHealthAssessment = new(
        "initial-health-assessment", "Complete the initial health assessment, in time for the first review",
        "Child becomes looked after", Period.WorkingDays(20),
        Statutory, $"{CarePlanningRegulations}, reg 7; {HealthGuidance}; timescales.md row 39");

    public static readonly TimescaleRule ReviewHealthAssessmentUnderFive = new(
        "review-health-assessment-under-5", "Review the health of a looked-after child under 5",
        "Last health assessment", Period.Months(6),
        Statutory, $"{CarePlanningRegulations}; {HealthGuidance}; timescales.md row 40");

    public static readonly TimescaleRule ReviewHealthAssessment = new(
        "review-health-assessment", "Review the health of a looked-after child aged 5 or over",
        "Last health assessment", Period.Months(12),
        Statutory, $"{CarePlanningRegulations}; {HealthGuidance}; timescales.md row 40");

    public static readonly TimescaleRule DentalCheck = new(
        "dental-check", "Dental check for a looked-after child",
        "Last dental check", Period.Months(12),
        StatutoryGuidance, $"{HealthGuidance}; SSDA903; timescales.md row 41");

    public static readonly TimescaleRule StrengthsAndDifficultiesQuestionnaire = new(
        "strengths-and-difficulties-questionnaire", "Strengths and difficulties questionnaire for a looked-after child aged 4 to 16",
        "Last questionnaire", Period.Months(12),
        StatutoryGuidance, $"{HealthGuidance}; SSDA903; timescales.md row 42");

    public static readonly TimescaleRule PersonalEducationPlan = new(
        "personal-education-plan", "Start the personal education plan after an emergency placement",
        "Child becomes looked after or changes school", Period.WorkingDays(10),
        StatutoryGuidance, "Promoting the education of looked-after and previously looked-after children (2018); timescales.md row 43");

    // "20 school days" (the local variant in timescales.md row 43). Haven counts school days as
    // working days (weekdays that are not bank holidays): school holidays differ by school and
    // are not recorded, so in a holiday the due date comes earlier than a strict school-day count.
    public static readonly TimescaleRule InitialPersonalEducationPlan = new(
        "initial-personal-education-plan", "Hold the first personal education plan meeting, in time for the first review",
        "Child becomes looked after", Period.WorkingDays(20),
        LocalPractice, "Promoting the education of looked-after and previously looked-after children (2018); timescales.md row 43 (\"20 school days\", counted as working days)");

    // "Every school term": three terms a year, so at most four months between reviews.
    public static readonly TimescaleRule PersonalEducationPlanReview = new(
        "personal-education-plan-review", "Review the personal education plan (each school term)",
        "Last personal education plan meeting", Period.Months(4),
        StatutoryGuidance, "Promoting the education of looked-after and previously looked-after children (2018); timescales.md row 44");

    public static readonly TimescaleRule ReturnHomeInterview = new(
        "return-home-interview", "Offer and hold an independent return home interview",
        "Recorded time the child returned from a missing episode", Period.Hours(72),
        StatutoryGuidance, "Children who run away or go missing from home or care (2014); timescales.md row 45");

    public static readonly TimescaleRule ExploitationScreeningReview = new(
        "exploitation-screening-review", "Review an exploitation screening (sooner if the worker sets an earlier date)",
        "Screening, then the last review of the level of risk", Period.Months(3),
        LocalPractice, "Local exploitation protocol (MEGA panel); glossary.md §10");

    public static readonly TimescaleRule HomeEducationFirstCheck = new(
        "home-education-first-check", "Check that elective home education is suitable",
        "Notification that the child is being educated at home", Period.WorkingDays(20),
        LocalPractice, "Elective home education: guidance for local authorities (2019); local procedures; glossary.md §11");

    public static readonly TimescaleRule HomeEducationAnnualCheck = new(
        "home-education-annual-check", "Check again that elective home education is suitable",
        "Last suitability check", Period.Months(12),
        LocalPractice, "Elective home education: guidance for local authorities (2019); local procedures");

    public static readonly TimescaleRule SecureAccommodationWithoutOrder = new(
        "secure-accommodation-without-order", "Get a court order for secure accommodation (72 hours is the total in any 28 days)",
        "Child placed in secure accommodation without a court order", Period.Hours(72),
        Statutory, "Children (Secure Accommodation) Regulations 1991, reg 10; timescales.md row 47");

    public static readonly TimescaleRule FirstSecureAccommodationReview = new(
        "first-secure-accommodation-review", "Hold the first secure accommodation review panel",
        "Secure placement start", Period.Months(1),
        Statutory, "Children (Secure Accommodation) Regulations 1991, reg 15; timescales.md row 49");

    public static readonly TimescaleRule SecureAccommodationReview = new(
        "secure-accommodation-review", "Hold the next secure accommodation review panel",
        "Last review panel", Period.Months(3),
        Statutory, "Children (Secure Accommodation) Regulations 1991, reg 15; timescales.md row 49");

    public static readonly TimescaleRule Regulation44Visit = new(
        "regulation-44-visit", "Independent visit to a children's home",
        "Last independent visit", Period.Months(1),
        Statutory, "Children's Homes (England) Regulations 2015, reg 44; timescales.md row 50");

    // Care leavers.
    public static readonly TimescaleRule PathwayNeedsAssessment = new(
        "pathway-needs-assessment", "Assess needs for the pathway plan",
        "An eligible child's 16th birthday, or becoming eligible after 16", Period.Months(3),
        Statutory, $"{CarePlanningRegulations}, Part 7, reg 42; timescales.md row 53");

    public static readonly TimescaleRule PathwayPlanReview = new(
        "pathway-plan-review", "Review the pathway plan",
        "Last pathway plan review", Period.Months(6),
        Statutory, $"{CarePlanningRegulations}, Part 7; Care Leavers (England) Regulations 2010; timescales.md row 55");

    public static readonly TimescaleRule PathwayReviewAfterChange = new(
        "pathway-review-after-change", "Review the pathway plan after a significant change",
        "A significant change recorded for a care leaver (entry into custody, a move, becoming a parent)", Period.WorkingDays(10),
        LocalPractice, $"{CarePlanningRegulations}, Part 7 (review when circumstances change); timescales.md row 55; local default set by the council (CareLeavers:ChangeReviewWorkingDays)");

    public static readonly TimescaleRule EetPanel = new(
        "eet-panel", "Discuss a young person not in education, employment or training at the EET panel",
        "Last EET panel discussion (panels meet fortnightly)", Period.Weeks(2),
        LocalPractice, "Local practice (fortnightly EET panel); activity counted at birthdays, timescales.md row 56");

    // Fostering, private fostering and adoption.
    public static readonly TimescaleRule ConnectedPersonTemporaryApproval = new(
        "connected-person-temporary-approval", "Complete the connected person's foster carer assessment",
        "Child placed with a connected person under temporary approval", Period.Weeks(16),
        Statutory, $"{CarePlanningRegulations}, reg 24; timescales.md row 59");

    public static readonly TimescaleRule FosterCarerReview = new(
        "foster-carer-review", "Review the foster carer's approval",
        "Approval, then the last review", Period.Months(12),
        Statutory, "Fostering Services (England) Regulations 2011, reg 28; timescales.md row 61");

    public static readonly TimescaleRule PrivateFosteringVisit = new(
        "private-fostering-visit", "Visit a privately fostered child during the first year",
        "Last visit", Period.Weeks(6),
        Statutory, "Children (Private Arrangements for Fostering) Regulations 2005, reg 8; timescales.md row 65");

    public static readonly TimescaleRule LaterPrivateFosteringVisit = new(
        "later-private-fostering-visit", "Visit a privately fostered child after the first year",
        "Last visit", Period.Weeks(12),
        Statutory, "Children (Private Arrangements for Fostering) Regulations 2005, reg 8; timescales.md row 65");

    public static readonly TimescaleRule FirstAdoptionPlacementVisit = new(
        "first-adoption-placement-visit", "Visit the child placed for adoption",
        "Child placed for adoption", Period.Weeks(1),
        Statutory, "Adoption Agencies Regulations 2005, reg 36; timescales.md row 68");

    public static readonly TimescaleRule FirstAdoptionPlacementReview = new(
        "first-adoption-placement-review", "Hold the first adoption placement review",
        "Child placed for adoption", Period.Weeks(4),
        Statutory, "Adoption Agencies Regulations 2005, reg 36; timescales.md row 69");

    public static readonly TimescaleRule SecondAdoptionPlacementReview = new(
        "second-adoption-placement-review", "Hold the second adoption placement review",
        "First adoption placement review", Period.Months(3),
        Statutory, "Adoption Agencies Regulations 2005, reg 36; timescales.md row 69");

    public static readonly TimescaleRule AdoptionPlacementReview = new(
        "adoption-placement-review", "Hold the next adoption placement review",
        "Last adoption placement review", Period.Months(6),
        Statutory, "Adoption Agencies Regulations 2005, reg 36; timescales.md row 69");

    public static readonly TimescaleRule AdoptionEntryToMovedIn = new(
        "adoption-entry-to-moved-in", "Move a child with an adoption plan in with the adoptive family (scorecard A1/A10 threshold)",
        "Child entered care", Period.CalendarDays(426),
        NationalGuidance, "Adoption scorecards A1 and A10; timescales.md rows 70 and 72");

    public static readonly TimescaleRule AdoptionPlacementOrderToMatch = new(
        "adoption-placement-order-to-match", "Match a child with adopters (scorecard A2 threshold)",
        "Placement order granted", Period.CalendarDays(121),
        NationalGuidance, "Adoption scorecards A2; timescales.md row 71");

    // Courts.
    public static readonly TimescaleRule PreProceedings = new(
        "pre-proceedings", "Conclude pre-proceedings under the Public Law Outline (review at about 8 weeks)",
        "Legal gateway or planning meeting decides to use the Public Law Outline", Period.Weeks(16),
        NationalGuidance, "Public Law Working Group best-practice guidance (2021, 2023); timescales.md row 73");

    public static readonly TimescaleRule CareProceedings = new(
        "care-proceedings", "Conclude care or supervision proceedings",
        "Application issued", Period.Weeks(26),
        Statutory, "Children Act 1989 s32(1)(a); timescales.md row 74");

    // Allegations, serious incidents, complaints and information rights.
    public static readonly TimescaleRule LadoReferral = new(
        "lado-referral", "Refer an allegation against someone working with children to the LADO",
        "Employer or agency becomes aware of the allegation", Period.WorkingDays(1),
        StatutoryGuidance, $"{WorkingTogether}; Keeping Children Safe in Education, Part 4; timescales.md row 78");

    public static readonly TimescaleRule LadoInitialConsideration = new(
        "lado-initial-consideration", "Decide the next steps on a LADO referral",
        "LADO referral received", Period.WorkingDays(1),
        LocalPractice, "Local LADO procedures; timescales.md row 79");

    public static readonly TimescaleRule LadoResolution = new(
        "lado-resolution", "Resolve an allegation against someone working with children (target: 80% in 1 month, 90% in 3)",
        "LADO referral received", Period.Months(1),
        StatutoryGuidance, "Keeping Children Safe in Education, Part 4; timescales.md row 80");

    public static readonly TimescaleRule SeriousIncidentNotification = new(
        "serious-incident-notification", "Notify the Child Safeguarding Practice Review Panel of a serious incident",
        "Council becomes aware of the incident", Period.WorkingDays(5),
        StatutoryGuidance, $"{WorkingTogether}, ch.5; Children Act 2004 s16C; timescales.md row 81");

    public static readonly TimescaleRule RapidReview = new(
        "rapid-review", "Complete the safeguarding partners' rapid review",
        "Serious incident notification", Period.WorkingDays(15),
        StatutoryGuidance, $"{WorkingTogether}, ch.5; timescales.md row 82");

    public static readonly TimescaleRule LocalPracticeReview = new(
        "local-practice-review", "Publish the final report of a local child safeguarding practice review",
        "Decision to hold the review", Period.Months(6),
        StatutoryGuidance, $"{WorkingTogether}, ch.5; timescales.md row 83");

    public static readonly TimescaleRule ComplaintStage1 = new(
        "complaint-stage-1", "Respond to a stage 1 complaint (extendable to 20 working days)",
        "Stage 1 complaint received", Period.WorkingDays(10),
        Statutory, $"{ComplaintsRegulations}; timescales.md row 84");

    public static readonly TimescaleRule ComplaintStage2 = new(
        "complaint-stage-2", "Investigate a stage 2 complaint (extendable to 65 working days)",
        "Stage 2 request received", Period.WorkingDays(25),
        Statutory, $"{ComplaintsRegulations}; timescales.md row 85");

    public static readonly TimescaleRule ComplaintStage3Panel = new(
        "complaint-stage-3-panel", "Hold a stage 3 complaint review panel",
        "Stage 3 request received", Period.WorkingDays(30),
        Statutory, $"{ComplaintsRegulations}; timescales.md row 86");

    public static readonly TimescaleRule CaseAuditAction = new(
        "case-audit-action", "Complete an action set by a case audit",
        "Case audit (the auditor sets the due date)", Period.Weeks(4),
        LocalPractice, "Local quality assurance framework (the auditor sets each action's date; 4 weeks is typical)");

    public static readonly TimescaleRule SubjectAccessRequest = new(
        "subject-access-request", "Respond to a subject access request (extendable by 2 months)",
        "Request received", Period.Months(1),
        Statutory, "UK GDPR Article 12; timescales.md row 87");

    public static readonly TimescaleRule FreedomOfInformationRequest = new(
        "freedom-of-information-request", "Respond to a freedom of information request",
        "Request received", Period.WorkingDays(20),
        Statutory, "Freedom of Information Act 2000 s10; timescales.md row 88");

    // Static fields initialise in the order they are written, so this list must stay last.
    public static IReadOnlyList<TimescaleRule> All { get; } =
    [
        ReferralDecision, Assessment, ChildInNeedPlan, ChildInNeedPlanReview, ChildInNeedVisit, ReReferralWindow,
        InitialChildProtectionConference, TransferInConference, FirstCoreGroup, CoreGroup, ChildProtectionVisit,
        FirstChildProtectionReview, ChildProtectionReview, LongChildProtectionPlan,
        CarePlan, PlacementPlan, IndependentReviewingOfficer, FirstLookedAfterReview, SecondLookedAfterReview,
        LookedAfterReview, FirstPlacementVisit, LookedAfterVisit, PlacementUntilAdulthoodVisit,
        InitialHealthAssessment, ReviewHealthAssessmentUnderFive, ReviewHealthAssessment, DentalCheck,
        StrengthsAndDifficultiesQuestionnaire, PersonalEducationPlan, InitialPersonalEducationPlan, PersonalEducationPlanReview, ReturnHomeInterview,
        ExploitationScreeningReview, HomeEducationFirstCheck, HomeEducationAnnualCheck,
        SecureAccommodationWithoutOrder, FirstSecureAccommodationReview, SecureAccommodationReview, Regulation44Visit,
        PathwayNeedsAssessment, PathwayPlanReview,
        PathwayReviewAfterChange, EetPanel,
        ConnectedPersonTemporaryApproval, FosterCarerReview, PrivateFosteringVisit, LaterPrivateFosteringVisit,
        FirstAdoptionPlacementVisit, FirstAdoptionPlacementReview, SecondAdoptionPlacementReview, AdoptionPlacementReview,
        AdoptionEntryToMovedIn, AdoptionPlacementOrderToMatch,
        PreProceedings, CareProceedings,
        LadoReferral, LadoInitialConsideration, LadoResolution, SeriousIncidentNotification, RapidReview, LocalPracticeReview,
        ComplaintStage1, ComplaintStage2, ComplaintStage3Panel, SubjectAccessRequest, FreedomOfInformationRequest,
        CaseAuditAction,
    ];

    private static readonly Dictionary<string, TimescaleRule> byCode = All.ToDictionary(r => r.Code, StringComparer.Ordinal);

    public static TimescaleRule? FindByCode(string code) => byCode.GetValueOrDefault(code);

    public static string ToMarkdownTable()
    {
        var table = new StringBuilder()
            .AppendLine("| Code | Name | Clock starts | Period | Status | Source |")
            .AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var rule in All)
        {
            string[] cells = [rule.Code, rule.Name, rule.ClockStarts, rule.Period.ToString(), Describe(rule.Status), rule.Source];
            table.AppendLine($"| {string.Join(" | ", cells.Select(c => c.Replace("|", "\\|")))} |");
        }

        return table.ToString();
    }

    private static string Describe(TimescaleStatus status) => status switch
    {
        Statutory => "Statutory",
        StatutoryGuidance => "Statutory guidance",
        NationalGuidance => "National guidance",
        LocalPractice => "Local practice",
        _ => status.ToString(),
    };
}
