using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.Quality;

internal sealed class AuditToolMapping : IEntityTypeConfiguration<AuditTool>
{
    public void Configure(EntityTypeBuilder<AuditTool> b)
    {
        b.Property(t => t.Name).HasMaxLength(QualityRules.MaxName);
        b.Property(t => t.Description).HasMaxLength(1000);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasMany(t => t.Themes).WithOne().HasForeignKey(t => t.ToolId);
    }
}

internal sealed class AuditThemeMapping : IEntityTypeConfiguration<AuditTheme>
{
    public void Configure(EntityTypeBuilder<AuditTheme> b)
    {
        b.Property(t => t.Name).HasMaxLength(QualityRules.MaxName);
        b.HasMany(t => t.Questions).WithOne(q => q.Theme).HasForeignKey(q => q.ThemeId);
    }
}

internal sealed class AuditQuestionMapping : IEntityTypeConfiguration<AuditQuestion>
{
    public void Configure(EntityTypeBuilder<AuditQuestion> b) => b.Property(q => q.Text).HasMaxLength(QualityRules.MaxQuestion);
}

internal sealed class CaseAuditMapping : IEntityTypeConfiguration<CaseAudit>
{
    public void Configure(EntityTypeBuilder<CaseAudit> b)
    {
        b.Property(a => a.OverallGrade).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.Findings).HasMaxLength(QualityRules.MaxText);
        b.Property(a => a.Learning).HasMaxLength(QualityRules.MaxText);
        b.Property(a => a.DeletionReason).HasMaxLength(500);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasQueryFilter(a => a.DeletedAt == null);
        b.HasOne(a => a.Tool).WithMany().HasForeignKey(a => a.ToolId);
        b.HasOne<Haven.Core.People.Person>().WithMany().HasForeignKey(a => a.ChildId);
        b.HasMany(a => a.Answers).WithOne().HasForeignKey(x => x.AuditId);
        b.HasMany(a => a.Actions).WithOne().HasForeignKey(x => x.AuditId);
        b.HasMany(a => a.Moderations).WithOne().HasForeignKey(x => x.AuditId);
        b.HasIndex(a => a.ChildId);
        b.HasIndex(a => new { a.TeamId, a.AuditedOn });
        // The audit lists, newest first: read in this order, a list of 100 stops at 100 readable audits
        // instead of reading and sorting every audit (at 50,000 children 10,000 of them: 103 ms to 2).
        b.HasIndex(a => new { a.AuditedOn, a.Id });
        b.HasIndex(a => a.SubmissionId).IsUnique();
    }
}

internal sealed class AuditAnswerMapping : IEntityTypeConfiguration<AuditAnswer>
{
    public void Configure(EntityTypeBuilder<AuditAnswer> b)
    {
        b.Property(a => a.Grade).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.Comment).HasMaxLength(QualityRules.MaxComment);
        b.HasOne(a => a.Question).WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditActionMapping : IEntityTypeConfiguration<AuditAction>
{
    public void Configure(EntityTypeBuilder<AuditAction> b)
    {
        b.Property(a => a.For).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Text).HasMaxLength(QualityRules.MaxComment);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.ChildId, a.CompletedOn });
    }
}

internal sealed class AuditModerationMapping : IEntityTypeConfiguration<AuditModeration>
{
    public void Configure(EntityTypeBuilder<AuditModeration> b)
    {
        b.Property(m => m.ModeratorGrade).HasConversion<string>().HasMaxLength(30);
        b.Property(m => m.Comment).HasMaxLength(QualityRules.MaxText);
        b.Property(m => m.Version).IsConcurrencyToken();
    }
}

internal sealed class CaseFeedbackMapping : IEntityTypeConfiguration<CaseFeedback>
{
    public void Configure(EntityTypeBuilder<CaseFeedback> b)
    {
        b.Property(f => f.From).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Comment).HasMaxLength(Haven.Core.EarlyHelp.FeedbackRules.MaxComment);
        b.Property(f => f.DeletionReason).HasMaxLength(500);
        b.HasQueryFilter(f => f.DeletedAt == null);
        b.HasOne<Haven.Core.People.Person>().WithMany().HasForeignKey(f => f.ChildId);
        b.HasIndex(f => new { f.TeamId, f.ReceivedOn });
        b.HasIndex(f => f.ChildId);
        b.HasIndex(f => f.SubmissionId).IsUnique();
    }
}
