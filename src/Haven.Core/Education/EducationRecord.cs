using Haven.Core.Data;
using Haven.Core.People;
using Haven.Core.Workforce;

namespace Haven.Core.Education;

/// What the virtual school records about a child in care's education.
public enum EducationRecordKind
{
    /// A personal education plan meeting (the first, or a termly review).
    PersonalEducationPlan,
    /// The school the child attends and their year group, from a date.
    School,
    /// Attendance for one school term, as a percentage of possible sessions.
    TermAttendance,
    /// Special educational needs status from a date.
    SpecialEducationalNeeds,
    /// Progress against expectations at a key stage.
    KeyStageProgress,
    /// A suspension or permanent exclusion.
    Exclusion,
    /// What a young person over 16 is doing: education, training, employment or none.
    Post16,
}

public enum SchoolTerm { Autumn, Spring, Summer }

public enum SenStatus { None, SenSupport, EducationHealthAndCarePlan }

public enum ProgressRating { AboveExpected, Expected, BelowExpected, WellBelowExpected }

public enum Post16Activity { SchoolSixthForm, College, Apprenticeship, Training, Employment, NotInEducationEmploymentOrTraining }

public enum ExclusionKind { Suspension, Permanent }

/// One dated education record for a child. Like health, one table holds the child's education
/// history; the fields each kind uses are checked by EducationRecordService.Validate.
public class EducationRecord : IVersioned, ISoftDeletable
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public EducationRecordKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public string? SchoolName { get; set; }
    /// 0 is Reception, 1 to 13 the year groups; negative values are nursery.
    public int? YearGroup { get; set; }
    /// The academic year by the calendar year it starts in (2025 = 2025/26), for attendance.
    public int? AcademicYear { get; set; }
    public SchoolTerm? Term { get; set; }
    public decimal? AttendancePercent { get; set; }
    public SenStatus? Sen { get; set; }
    public int? KeyStage { get; set; }
    public ProgressRating? Progress { get; set; }
    public Post16Activity? Activity { get; set; }
    public ExclusionKind? Exclusion { get; set; }
    public int? DaysExcluded { get; set; }
    /// A link to the plan in the council's ePEP system, if it has one.
    public string? Link { get; set; }
    public string? Notes { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Worker? RecordedBy { get; set; }
    public Guid? SubmissionId { get; set; }
    public Guid Version { get; set; }
    public DateTime? DeletedAt { get; set; }
    public int? DeletedByWorkerId { get; set; }
    public string? DeletionReason { get; set; }

    public static string Describe(EducationRecordKind kind) => kind switch
    {
        EducationRecordKind.PersonalEducationPlan => "Personal education plan",
        EducationRecordKind.School => "School and year group",
        EducationRecordKind.TermAttendance => "Attendance for a term",
        EducationRecordKind.SpecialEducationalNeeds => "Special educational needs",
        EducationRecordKind.KeyStageProgress => "Key stage progress",
        EducationRecordKind.Exclusion => "Suspension or exclusion",
        EducationRecordKind.Post16 => "Post-16 education or training",
        _ => kind.ToString(),
    };

    public static string Describe(SenStatus s) => s switch
    {
        SenStatus.None => "No special educational needs",
        SenStatus.SenSupport => "SEN support",
        _ => "Education, health and care plan",
    };

    public static string Describe(ProgressRating p) => p switch
    {
        ProgressRating.AboveExpected => "Above expected",
        ProgressRating.Expected => "At expected",
        ProgressRating.BelowExpected => "Below expected",
        _ => "Well below expected",
    };

    public static string Describe(Post16Activity a) => a switch
    {
        Post16Activity.SchoolSixthForm => "School sixth form",
        Post16Activity.College => "College",
        Post16Activity.Apprenticeship => "Apprenticeship",
        Post16Activity.Training => "Training",
        Post16Activity.Employment => "Employment",
        _ => "Not in education, employment or training",
    };

    public static string DescribeYearGroup(int y) => y switch { < 0 => "Nursery", 0 => "Reception", _ => $"Year {y}" };
}
