using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.InformationGovernance;

internal sealed class SubjectAccessRequestMapping : IEntityTypeConfiguration<SubjectAccessRequest>
{
    public void Configure(EntityTypeBuilder<SubjectAccessRequest> b)
    {
        b.Property(r => r.RequesterName).HasMaxLength(200);
        b.Property(r => r.RequesterKind).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.Authority).HasMaxLength(500);
        b.Property(r => r.IdentityCheck).HasMaxLength(500);
        b.Property(r => r.Scope).HasMaxLength(1000);
        b.Property(r => r.ExtensionReason).HasMaxLength(500);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Version).IsConcurrencyToken();
        // The request outlives the records it asked about: it names the subject without a foreign key.
        b.HasIndex(r => r.SubjectPersonId);
        b.HasIndex(r => new { r.Status, r.DueOn });
        b.HasMany(r => r.Releases).WithOne().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SubjectAccessReleaseMapping : IEntityTypeConfiguration<SubjectAccessRelease>
{
    public void Configure(EntityTypeBuilder<SubjectAccessRelease> b)
    {
        b.Property(r => r.Sha256).HasMaxLength(64);
    }
}

internal sealed class LegalHoldMapping : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> b)
    {
        b.Property(h => h.Reason).HasMaxLength(500);
        b.Property(h => h.Owner).HasMaxLength(200);
        b.Property(h => h.Version).IsConcurrencyToken();
        b.HasIndex(h => h.HeldPersonId);
    }
}

internal sealed class DestructionDecisionMapping : IEntityTypeConfiguration<DestructionDecision>
{
    public void Configure(EntityTypeBuilder<DestructionDecision> b)
    {
        b.Property(d => d.RetentionClass).HasConversion<string>().HasMaxLength(30);
        b.Property(d => d.Reason).HasMaxLength(500);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasIndex(d => d.HavenNumber);
    }
}
