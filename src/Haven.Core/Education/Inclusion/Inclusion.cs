using Haven.Core.Data;
using Haven.Core.People;

namespace Haven.Core.Education.Inclusion;

// Education for children who are not (or not fully) in school: the elective home education
// register, children missing education and exclusions. These are the council's records about any
// child of school age, kept apart from the virtual school's education record of children in care
// (EducationRecord), whose cohort access (AccessMatrix.Cohorts) does not reach them.

public enum HomeEducationCheckKind { SuitabilityCheck, Visit }

public enum HomeEducationOutcome { Suitable, NotYetKnown, NotSuitable, NoEngagement }

/// A child on the elective home education register, from the parents' notification until the
/// child returns to school or leaves the register.
public class HomeEducation : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public DateOnly NotifiedOn { get; set; }
    /// Who told the council: the parents, the school that took the child off its roll, another.
    public string NotifiedBy { get; set; } = "";
    public string? PreviousSchool { get; set; }
    public string? Reason { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? EndReason { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid? SubmissionId { get; set; }
    public Guid Version { get; set; }
    public List<HomeEducationCheck> Checks { get; set; } = [];

    public bool IsOpen => EndedOn is null;

    public static string Describe(HomeEducationOutcome o) => o switch
    {
        HomeEducationOutcome.Suitable => "Education appears suitable",
        HomeEducationOutcome.NotYetKnown => "Not yet known: more information needed",
        HomeEducationOutcome.NotSuitable => "Education does not appear suitable",
        HomeEducationOutcome.NoEngagement => "Parents did not engage",
        _ => o.ToString(),
    };

    public static string Describe(HomeEducationCheckKind k) => k == HomeEducationCheckKind.Visit ? "Visit" : "Suitability check (written or meeting)";
}

/// One suitability check or visit, with its outcome and any safeguarding concern. Added, never rewritten.
public class HomeEducationCheck
{
    public int Id { get; set; }
    public int HomeEducationId { get; set; }
    public HomeEducation HomeEducation { get; set; } = null!;
    public HomeEducationCheckKind Kind { get; set; }
    public DateOnly HeldOn { get; set; }
    public HomeEducationOutcome Outcome { get; set; }
    public bool SafeguardingConcern { get; set; }
    public string? Notes { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
}

public enum MissingEducationClosure { FoundInSchool, HomeEducated, MovedToAnotherCouncil, MovedAbroad, Other }

/// A child missing education (Education Act 1996 s436A): the referral, the council's tracking
/// actions, and closure (usually when the child is found on a school roll).
public class MissingEducation : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public DateOnly ReferredOn { get; set; }
    public string ReferredBy { get; set; } = "";
    public string? Reason { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public MissingEducationClosure? Closure { get; set; }
    /// The school the child was found in, or where they went.
    public string? ClosureDetail { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid? SubmissionId { get; set; }
    public Guid Version { get; set; }
    public List<MissingEducationAction> Actions { get; set; } = [];

    public bool IsOpen => ClosedOn is null;

    public static string Describe(MissingEducationClosure c) => c switch
    {
        MissingEducationClosure.FoundInSchool => "Found in education: on a school roll",
        MissingEducationClosure.HomeEducated => "Electively home educated",
        MissingEducationClosure.MovedToAnotherCouncil => "Moved to another council (referred to them)",
        MissingEducationClosure.MovedAbroad => "Moved abroad",
        _ => "Other",
    };
}

/// A tracking action: a home visit, checks with schools, health, housing, the police, other councils.
public class MissingEducationAction
{
    public int Id { get; set; }
    public int MissingEducationId { get; set; }
    public MissingEducation MissingEducation { get; set; } = null!;
    public DateOnly TakenOn { get; set; }
    public string Action { get; set; } = "";
    public string? Outcome { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
}

public enum SchoolPhase { Primary, Secondary, Special }

public enum ExclusionKind { Suspension, Permanent }

/// A suspension or a permanent exclusion from a school.
public class Exclusion : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public string SchoolName { get; set; } = "";
    public SchoolPhase Phase { get; set; }
    public ExclusionKind Kind { get; set; }
    public DateOnly StartDate { get; set; }
    /// School days of a suspension (at most 45 in a school year); none for a permanent exclusion.
    public decimal? Days { get; set; }
    public string? Reason { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid? SubmissionId { get; set; }
    public Guid Version { get; set; }

    /// The academic year (starting 1 September) as "2025/26".
    public static string AcademicYear(DateOnly d) { var y = d.Month >= 9 ? d.Year : d.Year - 1; return $"{y}/{(y + 1) % 100:00}"; }
}
