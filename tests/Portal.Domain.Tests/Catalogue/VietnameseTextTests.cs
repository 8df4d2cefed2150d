using Portal.Domain.Catalogue;

namespace Portal.Domain.Tests.Catalogue;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Đăng ký khai sinh", "dang ky khai sinh")]
    [InlineData("ĐĂNG KÝ KẾT HÔN", "dang ky ket hon")]
    [InlineData("Chứng thực bản sao từ bản chính", "chung thuc ban sao tu ban chinh")]
    [InlineData("Giấy phép xây dựng", "giay phep xay dung")]
    [InlineData("khai sinh", "khai sinh")]
    public void Fold_RemovesDiacriticsAndCase(string text, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(text));

    [Fact]
    public void Fold_TreatsComposedAndDecomposedFormsAlike()
    {
        var composed = "Hộ tịch".Normalize(System.Text.NormalizationForm.FormC);
        var decomposed = "Hộ tịch".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal(VietnameseText.Fold(composed), VietnameseText.Fold(decomposed));
    }

    [Fact]
    public void Words_KeepDottedProcedureCodesWhole() =>
        Assert.Equal(["thu", "tuc", "1.001193", "khai", "sinh"], VietnameseText.Words("Thủ tục 1.001193: khai sinh."));
}
