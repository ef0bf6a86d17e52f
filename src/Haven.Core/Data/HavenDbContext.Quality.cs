using Haven.Core.Quality;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

public partial class HavenDbContext
{
    public DbSet<AuditTool> AuditTools => Set<AuditTool>();
    public DbSet<AuditTheme> AuditThemes => Set<AuditTheme>();
    public DbSet<AuditQuestion> AuditQuestions => Set<AuditQuestion>();
    public DbSet<CaseAudit> CaseAudits => Set<CaseAudit>();
    public DbSet<AuditAnswer> AuditAnswers => Set<AuditAnswer>();
    public DbSet<AuditAction> AuditActions => Set<AuditAction>();
    public DbSet<AuditModeration> AuditModerations => Set<AuditModeration>();
    public DbSet<CaseFeedback> CaseFeedback => Set<CaseFeedback>();
    public DbSet<Employment> Employments => Set<Employment>();
    public DbSet<TeamEstablishment> TeamEstablishments => Set<TeamEstablishment>();
}
