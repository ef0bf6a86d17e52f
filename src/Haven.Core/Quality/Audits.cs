using Haven.Core.Data;

namespace Haven.Core.Quality;

/// Ofsted's four-point scale, best first. The number is the score used to average grades.
public enum AuditGrade { Outstanding = 1, Good = 2, RequiresImprovement = 3, Inadequate = 4 }

public enum AuditActionFor { Worker, Manager }

/// An audit tool: the themes and questions an auditor grades a case against. Managed at
/// /quality/tools; a tool in use is never rewritten, it is retired and a new one added.
public class AuditTool : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; }
    public List<AuditTheme> Themes { get; set; } = [];
}

public class AuditTheme
{
    public int Id { get; set; }
    public int ToolId { get; set; }
    public required string Name { get; set; }
    public int Order { get; set; }
    public List<AuditQuestion> Questions { get; set; } = [];
}

public class AuditQuestion
{
    public int Id { get; set; }
    public int ThemeId { get; set; }
    public AuditTheme Theme { get; set; } = null!;
    public required string Text { get; set; }
    public int Order { get; set; }
}

/// One auditor's grading of one child's case against a tool. Corrected by adding: a correction is
/// a new audit that names the one it replaces (CorrectsAuditId); the old one is marked superseded.
/// Removed only softly, with a reason.
public class CaseAudit : IVersioned, ISoftDeletable
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public int ToolId { get; set; }
    public AuditTool Tool { get; set; } = null!;
    public int AuditorWorkerId { get; set; }
    /// The child's allocated social worker and their team when audited (the audit's subject):
    /// themes are aggregated by this team and its service.
    public int? WorkerId { get; set; }
    public int? TeamId { get; set; }
    public DateOnly AuditedOn { get; set; }
    public AuditGrade OverallGrade { get; set; }
    public required string Findings { get; set; }
    public string? Learning { get; set; }
    public int? CorrectsAuditId { get; set; }
    public int? SupersededByAuditId { get; set; }
    public Guid? SubmissionId { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid Version { get; set; }
    public DateTime? DeletedAt { get; set; }
    public int? DeletedByWorkerId { get; set; }
    public string? DeletionReason { get; set; }
    public List<AuditAnswer> Answers { get; set; } = [];
    public List<AuditAction> Actions { get; set; } = [];
    public List<AuditModeration> Moderations { get; set; } = [];

    public bool IsCurrent => DeletedAt is null && SupersededByAuditId is null;
}

public class AuditAnswer
{
    public int Id { get; set; }
    public int AuditId { get; set; }
    public int QuestionId { get; set; }
    public AuditQuestion Question { get; set; } = null!;
    public AuditGrade Grade { get; set; }
    public string? Comment { get; set; }
}

/// Something the worker or the manager must do after an audit, followed up on My work until done.
public class AuditAction : IVersioned
{
    public int Id { get; set; }
    public int AuditId { get; set; }
    public int ChildId { get; set; }
    public AuditActionFor For { get; set; }
    public int? OwnerWorkerId { get; set; }
    public required string Text { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public int? CompletedByWorkerId { get; set; }
    public Guid Version { get; set; }
}

/// A second auditor's independent grade of an audited case. They agree when the overall grades match.
public class AuditModeration : IVersioned
{
    public int Id { get; set; }
    public int AuditId { get; set; }
    public int ModeratorWorkerId { get; set; }
    public DateOnly ModeratedOn { get; set; }
    public AuditGrade ModeratorGrade { get; set; }
    public string? Comment { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid Version { get; set; }
}

public enum FeedbackFrom { Child, Family, Carer, Partner }

/// Feedback about the service a child and family had, recorded on the child's case by a worker
/// (from a conversation, a card, an email or a survey). Rated on the same 1–5 scale as early help
/// feedback (EarlyHelp.FeedbackRules); reported beside audit findings by team and service.
public class CaseFeedback : ISoftDeletable
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public FeedbackFrom From { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public int Rating { get; set; }
    public string? Comment { get; set; }
    /// The child's allocated team when the feedback was received.
    public int? TeamId { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid? SubmissionId { get; set; }
    public DateTime? DeletedAt { get; set; }
    public int? DeletedByWorkerId { get; set; }
    public string? DeletionReason { get; set; }
}
