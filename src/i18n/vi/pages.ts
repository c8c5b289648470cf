// Vietnamese strings: the static pages per site and per province.
export const pagesMessages = {
  // Static pages per site and per province (scripts/build-pages.ts)
  fact_page: 'Trang thông tin riêng',
  page_viewOnMap: 'Xem trên bản đồ',
  page_otherLang: 'English',
  page_provinceTitle: (province: string) => `Khu, cụm công nghiệp tỉnh ${province}`,
  page_siteDescription: (title: string, status: string, commune: string, province: string, area: string | null) =>
    `${title}, ${commune}, tỉnh ${province}: ${status.toLowerCase()}${area ? `, diện tích công bố ${area}` : ''}. Diện tích tính từ bản đồ, mặt bằng sạch, tỷ lệ lấp đầy, chủ đầu tư, quyết định và nguồn của từng số liệu.`,
  page_provinceDescription: (province: string, kcn: number, ccn: number) =>
    `${kcn} khu công nghiệp và ${ccn} cụm công nghiệp của tỉnh ${province}: trạng thái, diện tích, mặt bằng sạch, tỷ lệ lấp đầy và nguồn của từng số liệu.`,
  page_mapAlt: (title: string, province: string) => `Bản đồ nhỏ: vị trí ${title} trong tỉnh ${province}`,
  page_noPositionAlt: (province: string) => `Bản đồ nhỏ tỉnh ${province}; nguồn chưa nêu vị trí của khu, cụm này`,
  page_allSites: 'Các khu, cụm công nghiệp của tỉnh',
  page_staticNote: 'Trang này được tạo cùng lúc với bản đồ, từ cùng một bộ dữ liệu.',
  page_computedHa: 'Diện tích tính từ bản đồ',
  page_cleanLand: 'Mặt bằng sạch',
  page_counts: (kcn: number, ccn: number) => `${kcn} khu công nghiệp, ${ccn} cụm công nghiệp`,
};
