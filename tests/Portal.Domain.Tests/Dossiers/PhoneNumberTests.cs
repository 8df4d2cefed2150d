using Portal.Domain.Dossiers;

namespace Portal.Domain.Tests.Dossiers;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("0912.345.678", "0912345678")]
    [InlineData("+84912345678", "0912345678")]
    [InlineData("+84 912 345 678", "0912345678")]
    [InlineData("84912345678", "0912345678")]
    [InlineData("0356789012", "0356789012")]
    public void Normalize_AcceptsCommonWritings(string typed, string expected) => Assert.Equal(expected, PhoneNumber.Normalize(typed));

    [Theory]
    [InlineData("")]
    [InlineData("0212345678")]
    [InlineData("091234567")]
    [InlineData("09123456789")]
    [InlineData("abc")]
    public void Normalize_RejectsNonMobileNumbers(string typed) => Assert.Null(PhoneNumber.Normalize(typed));
}
