using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.FrontDoor;

internal sealed class ContactMapping : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.Property(c => c.SourceCode).HasMaxLength(4);
        b.Property(c => c.ContactorName).HasMaxLength(200);
        b.Property(c => c.ContactorRole).HasMaxLength(200);
        b.Property(c => c.ContactorPhoneOrEmail).HasMaxLength(200);
        b.Property(c => c.Worry).HasMaxLength(FrontDoorService.MaxText);
        b.Property(c => c.ConsentGivenBy).HasMaxLength(200);
        b.Property(c => c.ConsentReason).HasMaxLength(2000);
        b.Property(c => c.SelfAssessmentAnswers).HasMaxLength(FrontDoorService.MaxText);
        b.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Consent).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.ReceivedAt);
        b.HasIndex(c => c.SubmissionId).IsUnique();
        b.HasOne(c => c.RecordedBy).WithMany().HasForeignKey(c => c.RecordedByWorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Children).WithOne(x => x.Contact).HasForeignKey(x => x.ContactId);
        b.HasMany(c => c.Checks).WithOne(x => x.Contact).HasForeignKey(x => x.ContactId);
        b.HasOne(c => c.Handover).WithOne(h => h.Contact).HasForeignKey<OutOfHoursHandover>(h => h.ContactId);
    }
}

internal sealed class ContactChildMapping : IEntityTypeConfiguration<ContactChild>
{
    public void Configure(EntityTypeBuilder<ContactChild> b)
    {
        b.Property(c => c.LevelOfNeed).HasMaxLength(40);
        b.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Rationale).HasMaxLength(FrontDoorService.MaxText);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.ContactId, c.ChildId }).IsUnique();
        b.HasIndex(c => c.ChildId);
        // The front door's list: the contacts with a child not yet signed off, a few hundred among every
        // contact the council has had (at 50,000 children, 1,175 of 88,054): a partial index holds just them.
        b.HasIndex(c => c.ContactId, "IX_ContactChildren_AwaitingSignOff").HasFilter("\"SignedOffAt\" IS NULL");
        b.HasOne(c => c.Child).WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.DecidedBy).WithMany().HasForeignKey(c => c.DecidedByWorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.SignedOffBy).WithMany().HasForeignKey(c => c.SignedOffByWorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Referral).WithMany().HasForeignKey(c => c.ReferralId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MashCheckMapping : IEntityTypeConfiguration<MashCheck>
{
    public void Configure(EntityTypeBuilder<MashCheck> b)
    {
        b.Property(c => c.Agency).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Rag).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.AgencyName).HasMaxLength(200);
        b.Property(c => c.Question).HasMaxLength(2000);
        b.Property(c => c.Response).HasMaxLength(FrontDoorService.MaxText);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.ContactId, c.DueAt });
        b.HasOne(c => c.RequestedBy).WithMany().HasForeignKey(c => c.RequestedByWorkerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OutOfHoursHandoverMapping : IEntityTypeConfiguration<OutOfHoursHandover>
{
    public void Configure(EntityTypeBuilder<OutOfHoursHandover> b)
    {
        b.Property(h => h.ActionsTaken).HasMaxLength(FrontDoorService.MaxText);
        b.Property(h => h.Version).IsConcurrencyToken();
        b.HasIndex(h => h.AcknowledgedAt);
        b.HasOne(h => h.AcknowledgedBy).WithMany().HasForeignKey(h => h.AcknowledgedByWorkerId).OnDelete(DeleteBehavior.Restrict);
    }
}
