/** Chợ Bến Thành: inside Phường Bến Thành (26743), whose People's Committee the demo account ward.benthanh works for. */
export const BEN_THANH = { lat: 10.7725, lng: 106.6981 };
