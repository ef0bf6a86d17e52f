using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.ChildProtection;

internal sealed class ChildProtectionConferenceMapping : IEntityTypeConfiguration<ChildProtectionConference>
{
    public void Configure(EntityTypeBuilder<ChildProtectionConference> b)
    {
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.Chair).HasMaxLength(200);
        b.Property(c => c.CategoryOfAbuse).HasMaxLength(3);
        b.Property(c => c.Decision).HasMaxLength(ChildProtectionService.MaxText);
        b.Property(c => c.EndReason).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne(c => c.Child).WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Section47Enquiry>().WithMany().HasForeignKey(c => c.Section47EnquiryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ChildProtectionPlan>().WithMany().HasForeignKey(c => c.ChildProtectionPlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Attendees).WithOne().HasForeignKey(a => a.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.ChildId, c.Date });
        b.HasIndex(c => c.SubmissionId).IsUnique();
    }
}

internal sealed class ConferenceAttendeeMapping : IEntityTypeConfiguration<ConferenceAttendee>
{
    public void Configure(EntityTypeBuilder<ConferenceAttendee> b)
    {
        b.Property(a => a.Agency).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Attendance).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Name).HasMaxLength(200);
        b.Property(a => a.Role).HasMaxLength(200);
    }
}

internal sealed class ChildProtectionPlanMapping : IEntityTypeConfiguration<ChildProtectionPlan>
{
    public void Configure(EntityTypeBuilder<ChildProtectionPlan> b)
    {
        b.Property(p => p.CategoryOfAbuse).HasMaxLength(3);
        b.Property(p => p.EndReason).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne(p => p.Child).WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.StartConference).WithMany().HasForeignKey(p => p.StartConferenceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.EndConference).WithMany().HasForeignKey(p => p.EndConferenceId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.CoreGroup).WithOne().HasForeignKey(m => m.ChildProtectionPlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.ChildId, p.StartDate });
        b.HasOne(p => p.Plan).WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.PlanId).IsUnique();
    }
}

internal sealed class CoreGroupMemberMapping : IEntityTypeConfiguration<CoreGroupMember>
{
    public void Configure(EntityTypeBuilder<CoreGroupMember> b)
    {
        b.Property(m => m.Agency).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Name).HasMaxLength(200);
        b.Property(m => m.Role).HasMaxLength(200);
    }
}

internal sealed class CoreGroupMeetingMapping : IEntityTypeConfiguration<CoreGroupMeeting>
{
    public void Configure(EntityTypeBuilder<CoreGroupMeeting> b)
    {
        b.Property(m => m.Attendees).HasMaxLength(4000);
        b.Property(m => m.Notes).HasMaxLength(ChildProtectionService.MaxText);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasOne<People.Person>().WithMany().HasForeignKey(m => m.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ChildProtectionPlan>().WithMany().HasForeignKey(m => m.ChildProtectionPlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.ChildId, m.Date });
        b.HasIndex(m => m.SubmissionId).IsUnique();
    }
}

internal sealed class ChildProtectionVisitMapping : IEntityTypeConfiguration<ChildProtectionVisit>
{
    public void Configure(EntityTypeBuilder<ChildProtectionVisit> b)
    {
        b.Property(v => v.Notes).HasMaxLength(ChildProtectionService.MaxText);
        b.Property(v => v.Version).IsConcurrencyToken();
        b.HasOne<People.Person>().WithMany().HasForeignKey(v => v.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ChildProtectionPlan>().WithMany().HasForeignKey(v => v.ChildProtectionPlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.ChildId, v.Date });
        b.HasIndex(v => v.SubmissionId).IsUnique();
    }
}
