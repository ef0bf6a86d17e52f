using Haven.Core.Access;
using Haven.Core.Allocations;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Quality;

public sealed class QualityValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// Records audits, moderations, actions and feedback. Access to the child is checked by the caller
/// (the web's ChildRecordGuard): an audit is a view of the child's record.
public sealed class AuditService(HavenDbContext db, TimeProvider clock)
{
    /// The active tools, adding Haven's default tool the first time none exists.
    public async Task<List<AuditTool>> ToolsAsync(bool activeOnly, CancellationToken ct = default)
    {
        if (!await db.AuditTools.AnyAsync(ct))
        {
            db.AuditTools.Add(BuildTool(DefaultAuditTool.Name, "Haven's starting tool: the themes inspectors look for in case files.", DefaultAuditTool.Themes));
            await db.SaveChangesAsync(ct);
        }
        // One statement: themes then their questions is a chain, not two sibling collections, so
        // the joined rows are one per question, not a product.
        return await db.AuditTools.AsNoTracking().Include(t => t.Themes).ThenInclude(t => t.Questions).AsSingleQuery()
            .Where(t => !activeOnly || t.IsActive).OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(ct);
    }

    public AuditTool BuildTool(string name, string? description, IEnumerable<(string Theme, string[] Questions)> themes) => new()
    {
        Name = name.Trim(), Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        Themes = themes.Select((t, i) => new AuditTheme
        {
            Name = t.Theme.Trim(), Order = i + 1,
            Questions = t.Questions.Select((q, j) => new AuditQuestion { Text = q.Trim(), Order = j + 1 }).ToList(),
        }).ToList(),
    };

    /// Parses a tool's questions typed one a line as "Theme: question".
    public static (List<(string Theme, string[] Questions)> Themes, string? Error) ParseQuestions(string? text)
    {
        var themes = new List<(string Theme, List<string> Questions)>();
        foreach (var raw in (text ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var colon = line.IndexOf(':');
            if (colon <= 0 || colon == line.Length - 1) return ([], $"Write each question as theme, colon, question, for example \"Timeliness: Visits were on time\" (check \"{Short(line)}\")");
            var theme = line[..colon].Trim();
            var q = line[(colon + 1)..].Trim();
            if (theme.Length > QualityRules.MaxName || q.Length > QualityRules.MaxQuestion) return ([], "Each theme must be 200 characters or fewer and each question 500 or fewer");
            if (line.Any(c => char.IsControl(c))) return ([], "Questions must only contain letters, numbers, spaces and punctuation");
            var existing = themes.FindIndex(t => string.Equals(t.Theme, theme, StringComparison.OrdinalIgnoreCase));
            if (existing < 0) themes.Add((theme, [q])); else themes[existing].Questions.Add(q);
        }
        if (themes.Count == 0) return ([], "Enter at least one question");
        if (themes.Sum(t => t.Questions.Count) > 60) return ([], "A tool can have at most 60 questions");
        return (themes.Select(t => (t.Theme, t.Questions.ToArray())).ToList(), null);
    }

    private static string Short(string s) => s.Length > 40 ? s[..40] + "…" : s;

    public async Task<int> AddToolAsync(string name, string? description, string? questions, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new QualityValidationException("Name", "Enter the name of the tool");
        if (name.Length > QualityRules.MaxName) throw new QualityValidationException("Name", "Name must be 200 characters or fewer");
        if (description is { Length: > 1000 }) throw new QualityValidationException("Description", "Description must be 1,000 characters or fewer");
        var (themes, error) = ParseQuestions(questions);
        if (error is not null) throw new QualityValidationException("Questions", error);
        var tool = BuildTool(name, description, themes);
        db.AuditTools.Add(tool);
        await db.SaveChangesAsync(ct);
        return tool.Id;
    }

    /// Retires or brings back a tool (audits already made with it keep it).
    public async Task SetActiveAsync(int toolId, Guid version, bool active, CancellationToken ct = default)
    {
        var tool = await db.AuditTools.FirstAsync(t => t.Id == toolId, ct);
        // Two managers retiring the same tool set the same value, which saves nothing: the second,
        // whose page was stale, is told someone else changed it, as for any other stale form.
        if (tool.Version != version) throw new DbUpdateConcurrencyException("The audit tool was changed by someone else.");
        db.Entry(tool).Property(t => t.Version).OriginalValue = version;
        tool.IsActive = active;
        await db.SaveChangesAsync(ct);
    }

    /// Records an audit (or a correction of one, which supersedes it) in one save. The child's
    /// current social worker and their team are kept as the audit's subject.
    public async Task<int> RecordAsync(int childId, int toolId, AuditDraft draft, CurrentWorker auditor, Guid? submissionId,
        int? correctsAuditId = null, Guid? correctsVersion = null, CancellationToken ct = default)
    {
        if (submissionId is { } sid && await db.CaseAudits.IgnoreQueryFilters().Where(a => a.SubmissionId == sid).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct) is { } done)
            return done;
        var on = draft.AuditedOn!.Value;
        var allocation = await db.Allocations.AsNoTracking()
            .Where(a => a.ChildId == childId && a.Kind == AllocationKind.SocialWorker && a.StartDate <= on && (a.EndDate == null || a.EndDate >= on))
            .OrderByDescending(a => a.StartDate).FirstOrDefaultAsync(ct);
        var managerId = allocation is null ? null : await db.Workers.AsNoTracking()
            .Where(w => w.TeamId == allocation.TeamId && w.Role == Haven.Core.Workforce.HavenRole.TeamManager && w.IsActive)
            .OrderBy(w => w.Id).Select(w => (int?)w.Id).FirstOrDefaultAsync(ct);
        var audit = new CaseAudit
        {
            ChildId = childId, ToolId = toolId, AuditorWorkerId = auditor.WorkerId, WorkerId = allocation?.WorkerId, TeamId = allocation?.TeamId,
            AuditedOn = on, OverallGrade = draft.Overall!.Value, Findings = draft.Findings!.Trim(),
            Learning = string.IsNullOrWhiteSpace(draft.Learning) ? null : draft.Learning.Trim(), CorrectsAuditId = correctsAuditId,
            SubmissionId = submissionId, RecordedAt = clock.GetUtcNow().UtcDateTime,
            Answers = draft.QuestionIds.Select(q => new AuditAnswer
            {
                QuestionId = q, Grade = draft.Grades[q]!.Value,
                Comment = draft.Comments.TryGetValue(q, out var c) && !string.IsNullOrWhiteSpace(c) ? c.Trim() : null,
            }).ToList(),
            Actions = draft.Actions.Where(a => !string.IsNullOrWhiteSpace(a.Text)).Select(a => new AuditAction
            {
                ChildId = childId, For = a.For, Text = a.Text!.Trim(), DueOn = a.DueOn!.Value,
                OwnerWorkerId = a.For == AuditActionFor.Worker ? allocation?.WorkerId : managerId,
            }).ToList(),
        };
        db.CaseAudits.Add(audit);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (correctsAuditId is { } old)
        {
            var previous = await db.CaseAudits.IgnoreQueryFilters().FirstAsync(a => a.Id == old && a.ChildId == childId, ct);
            if (!previous.IsCurrent) throw new QualityValidationException("", "This audit has already been corrected or removed");
            db.Entry(previous).Property(a => a.Version).OriginalValue = correctsVersion ?? previous.Version;
            previous.SupersededByAuditId = audit.Id;
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return audit.Id;
    }

    /// A second auditor's grade. The auditor cannot moderate their own audit.
    public async Task<int> ModerateAsync(int auditId, AuditGrade grade, DateOnly on, string? comment, CurrentWorker moderator, CancellationToken ct = default)
    {
        var audit = await db.CaseAudits.IgnoreQueryFilters().AsNoTracking().FirstAsync(a => a.Id == auditId, ct);
        if (audit.AuditorWorkerId == moderator.WorkerId) throw new QualityValidationException("Grade", "A second auditor must moderate: you carried out this audit");
        if (!audit.IsCurrent) throw new QualityValidationException("Grade", "This audit has been corrected or removed: moderate the current one");
        if (on < audit.AuditedOn) throw new QualityValidationException("ModeratedOn", "Date of moderation must be on or after the date of the audit");
        if (comment is { Length: > QualityRules.MaxText }) throw new QualityValidationException("Comment", "Comment must be 10,000 characters or fewer");
        var m = new AuditModeration
        {
            AuditId = auditId, ModeratorWorkerId = moderator.WorkerId, ModeratedOn = on, ModeratorGrade = grade,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.AuditModerations.Add(m);
        await db.SaveChangesAsync(ct);
        return m.Id;
    }

    /// Marks an action done; a stale form (someone else changed it) throws DbUpdateConcurrencyException.
    public async Task CompleteActionAsync(int actionId, Guid version, DateOnly on, CurrentWorker by, CancellationToken ct = default)
    {
        var action = await db.AuditActions.FirstAsync(a => a.Id == actionId, ct);
        if (action.Version != version) throw new DbUpdateConcurrencyException("The audit action was changed by someone else.");
        db.Entry(action).Property(a => a.Version).OriginalValue = version;
        action.CompletedOn = on;
        action.CompletedByWorkerId = by.WorkerId;
        await db.SaveChangesAsync(ct);
    }

    /// Removes an audit from the figures, keeping it with who removed it and why.
    public async Task RemoveAsync(int auditId, Guid version, string reason, CurrentWorker by, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new QualityValidationException("Reason", "Enter why the audit is being removed");
        if (reason.Length > 500) throw new QualityValidationException("Reason", "Reason must be 500 characters or fewer");
        var audit = await db.CaseAudits.IgnoreQueryFilters().FirstAsync(a => a.Id == auditId, ct);
        db.Entry(audit).Property(a => a.Version).OriginalValue = version;
        audit.DeletedAt = clock.GetUtcNow().UtcDateTime;
        audit.DeletedByWorkerId = by.WorkerId;
        audit.DeletionReason = reason.Trim();
        await db.SaveChangesAsync(ct);
    }

    public async Task<int> AddFeedbackAsync(int childId, FeedbackFrom from, DateOnly receivedOn, int rating, string? comment, CurrentWorker by, Guid? submissionId, CancellationToken ct = default)
    {
        if (submissionId is { } sid && await db.CaseFeedback.IgnoreQueryFilters().Where(f => f.SubmissionId == sid).Select(f => (int?)f.Id).FirstOrDefaultAsync(ct) is { } done)
            return done;
        var teamId = await db.Allocations.AsNoTracking()
            .Where(a => a.ChildId == childId && a.Kind == AllocationKind.SocialWorker && a.StartDate <= receivedOn && (a.EndDate == null || a.EndDate >= receivedOn))
            .OrderByDescending(a => a.StartDate).Select(a => (int?)a.TeamId).FirstOrDefaultAsync(ct);
        var f = new CaseFeedback
        {
            ChildId = childId, From = from, ReceivedOn = receivedOn, Rating = rating, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            TeamId = teamId, RecordedByWorkerId = by.WorkerId, RecordedAt = clock.GetUtcNow().UtcDateTime, SubmissionId = submissionId,
        };
        db.CaseFeedback.Add(f);
        await db.SaveChangesAsync(ct);
        return f.Id;
    }
}
