/**
 * Citizen descriptions and official answers for generated reports. `{vitri}` becomes a place
 * ("trên đường Lê Lợi", "đầu hẻm 45, khu phố 3"), `{thoigian}` a duration ("mấy ngày nay").
 */

export const TIME_PHRASES = [
  'từ sáng nay',
  'từ tối qua',
  'mấy ngày nay',
  'đã hơn một tuần',
  'từ đầu tháng',
  'nhiều ngày liền',
  'từ chiều nay',
  'cả tuần nay',
];

/** Places near a hotspot name one of its streets. */
export const STREET_PLACES = [
  'trên đường {duong}',
  'đoạn đường {duong} gần số {so}',
  'trước số {so} đường {duong}',
  'khu vực {diadiem}',
  'trên đường {duong}, gần ngã tư',
];

/** Places elsewhere stay street-less: a street picked at random would rarely be in that ward. */
export const LOCAL_PLACES = [
  'trước nhà số {so} hẻm {hem}',
  'đầu hẻm {hem}',
  'trong hẻm {hem}, {kp} {sokp}',
  'gần chợ {kp} {sokp}',
  'cạnh trường tiểu học {kp} {sokp}',
  'trên đường chính {kp} {sokp}',
  'gần nhà văn hóa {kp} {sokp}',
];

export const DESCRIPTIONS: Record<string, string[]> = {
  pothole: [
    'Có ổ gà lớn {vitri}, xe máy đi qua rất dễ té ngã, nhất là buổi tối. Đề nghị sớm vá lại.',
    'Mặt đường {vitri} xuất hiện nhiều ổ gà sâu {thoigian}, trời mưa đọng nước không nhìn thấy.',
    'Ổ voi {vitri} ngày càng rộng, đã có người đi đường bị té. Mong cơ quan chức năng xử lý.',
  ],
  'road-damage': [
    'Mặt đường {vitri} bị lún, nứt nhiều đoạn {thoigian}, xe tải đi qua rung cả nhà.',
    'Sau khi đào đường {vitri}, đơn vị thi công chưa tái lập mặt đường, đá dăm văng tung tóe.',
    'Nhựa đường {vitri} bong tróc, gồ ghề, đi lại rất nguy hiểm.',
  ],
  'traffic-light': [
    'Đèn tín hiệu giao thông {vitri} bị tắt {thoigian}, xe cộ giành đường, kẹt xe nghiêm trọng.',
    'Đèn giao thông {vitri} chỉ chớp vàng, giờ cao điểm rất hỗn loạn.',
    'Một hướng đèn {vitri} không lên đèn xanh, người dân phải vượt đèn đỏ.',
  ],
  'bus-stop': [
    'Nhà chờ xe buýt {vitri} bị tốc mái, ghế ngồi hư hỏng, trời mưa không có chỗ trú.',
    'Bảng thông tin tuyến tại trạm dừng {vitri} bị mất, người đi xe buýt không biết tuyến nào dừng.',
    'Trạm dừng xe buýt {vitri} bị xe máy và hàng quán lấn chiếm, xe buýt không tấp vào được.',
  ],
  flooding: [
    'Sau cơn mưa chiều nay, {vitri} ngập sâu, nước tràn vào nhà dân, nhiều xe chết máy.',
    'Triều cường dâng cao, {vitri} ngập {thoigian}, nước rút rất chậm.',
    'Mỗi lần mưa lớn {vitri} lại ngập gần đến đầu gối, đề nghị kiểm tra hệ thống thoát nước.',
  ],
  'drainage-blocked': [
    'Miệng cống {vitri} bị rác và đất cát bít kín, nước đọng bốc mùi hôi {thoigian}.',
    'Hố ga {vitri} bị nghẹt, nước thải tràn lên mặt đường.',
    'Cống thoát nước {vitri} không thoát được, muỗi rất nhiều, người dân bức xúc.',
  ],
  'manhole-cover': [
    'Nắp hố ga {vitri} bị mất, để hở rất nguy hiểm cho người đi đường, nhất là trẻ em.',
    'Nắp hố ga {vitri} bị vỡ, xe máy đi qua dễ sụp bánh.',
    'Nắp cống {vitri} bị lệch, cao hơn mặt đường, đã có người vấp ngã.',
  ],
  'water-supply': [
    'Khu vực {vitri} bị mất nước {thoigian}, không có thông báo trước.',
    'Nước máy {vitri} rất yếu, chỉ có vào ban đêm, sinh hoạt rất khó khăn.',
    'Đường ống nước {vitri} bị vỡ, nước phun lên mặt đường gây lãng phí.',
    'Nước máy {vitri} bị đục, có mùi lạ {thoigian}.',
  ],
  'power-outage': [
    'Khu vực {vitri} bị mất điện {thoigian}, không rõ khi nào có điện lại.',
    'Dây điện {vitri} bị đứt, võng thấp sát đầu người, rất nguy hiểm.',
    'Trụ điện {vitri} bị nghiêng sau trận mưa giông, có nguy cơ ngã đổ.',
  ],
  'street-light': [
    'Đèn đường {vitri} không sáng {thoigian}, buổi tối tối om, dễ xảy ra trộm cắp.',
    'Một dãy đèn chiếu sáng {vitri} bị hư, chập chờn cả đêm.',
    'Đèn đường {vitri} sáng cả ban ngày, gây lãng phí điện.',
  ],
  garbage: [
    'Rác thải sinh hoạt {vitri} tồn đọng {thoigian}, không thấy xe thu gom, bốc mùi hôi thối.',
    'Điểm tập kết rác {vitri} quá tải, rác tràn ra lòng đường.',
    'Xe thu gom rác không đến đúng lịch, rác {vitri} chất đống, ruồi nhặng bu đầy.',
  ],
  'illegal-dumping': [
    'Có người đổ trộm xà bần {vitri} vào ban đêm, chất thành đống lớn.',
    'Khu đất trống {vitri} trở thành bãi rác tự phát, người ta đổ cả nệm, đồ gỗ cũ.',
    'Xe ba gác đổ phế thải xây dựng {vitri}, lấn ra một nửa lòng đường.',
  ],
  'canal-garbage': [
    'Rác và lục bình trôi dày đặc trên kênh {vitri}, bốc mùi hôi.',
    'Dưới kênh {vitri} rác tích tụ thành mảng lớn {thoigian}, cản dòng chảy.',
    'Người dân vẫn xả rác xuống kênh {vitri}, đề nghị vớt rác và xử phạt.',
  ],
  'air-pollution': [
    'Có người đốt rác {vitri} mỗi tối, khói bay vào nhà dân rất ngột ngạt.',
    'Cơ sở sản xuất {vitri} xả khói bụi, mùi hôi nồng nặc {thoigian}.',
    'Xe chở vật liệu không che chắn, bụi mù mịt {vitri}.',
  ],
  'water-pollution': [
    'Nước kênh {vitri} đen ngòm, bốc mùi hôi, có cá chết nổi trên mặt nước.',
    'Nghi có cơ sở xả nước thải chưa xử lý ra kênh {vitri} vào ban đêm.',
    'Nước thải từ khu dân cư {vitri} chảy thẳng ra môi trường, bốc mùi {thoigian}.',
  ],
  noise: [
    'Nhà dân {vitri} hát karaoke rất lớn đến khuya {thoigian}, người già và trẻ nhỏ không ngủ được.',
    'Công trình {vitri} thi công xuyên đêm, tiếng máy ồn ào không ngủ được.',
    'Quán nhậu {vitri} mở nhạc lớn, tụ tập ồn ào đến 1-2 giờ sáng.',
  ],
  'stray-animals': [
    'Nhiều chó thả rông {vitri}, không rọ mõm, đã cắn người đi đường.',
    'Chó hoang tụ tập {vitri}, sủa và rượt đuổi xe máy vào buổi tối.',
    'Người dắt chó đi vệ sinh {vitri} không dọn dẹp, rất mất vệ sinh.',
  ],
  'sidewalk-encroachment': [
    'Vỉa hè {vitri} bị các hộ kinh doanh lấn chiếm hoàn toàn, người đi bộ phải đi xuống lòng đường.',
    'Hàng quán {vitri} bày bàn ghế tràn ra lòng đường, gây kẹt xe giờ cao điểm.',
    'Cửa hàng {vitri} dựng mái che, kệ hàng lấn chiếm vỉa hè {thoigian}.',
  ],
  'illegal-construction': [
    'Công trình {vitri} đang xây thêm tầng, không thấy bảng thông tin giấy phép xây dựng.',
    'Nhà {vitri} cơi nới lấn ra hẻm chung, hẻm bị thu hẹp.',
    'Có người xây nhà trên đất nông nghiệp {vitri} {thoigian}, đề nghị kiểm tra.',
  ],
  'street-vendor': [
    'Hàng rong tụ tập {vitri} buôn bán dưới lòng đường, gây ùn tắc.',
    'Chợ tự phát {vitri} họp từ sáng sớm, xả rác bừa bãi.',
    'Xe đẩy bán hàng rong đậu kín {vitri}, người đi bộ không có lối đi.',
  ],
  'illegal-parking': [
    'Ô tô đậu {vitri} chắn ngang lối ra vào nhà dân {thoigian}.',
    'Bãi giữ xe tự phát {vitri} chiếm hết vỉa hè và một phần lòng đường.',
    'Xe tải đậu dưới lòng đường {vitri} cả ngày, che khuất tầm nhìn.',
  ],
  'unlicensed-advertising': [
    'Tờ rơi, số điện thoại khoan cắt bê tông dán chi chít trên trụ điện {vitri}.',
    'Băng rôn quảng cáo treo {vitri} không phép, che khuất biển báo giao thông.',
    'Bảng quảng cáo đặt trên vỉa hè {vitri}, lấn lối đi bộ.',
  ],
  'public-order': [
    'Nhóm thanh niên tụ tập {vitri} đánh bài ăn tiền, gây gổ với người dân.',
    'Thường xuyên có nhóm đua xe, nẹt pô {vitri} vào ban đêm.',
    'Nghi có đối tượng trộm cắp xe máy hoạt động {vitri} {thoigian}.',
  ],
  'fire-hazard': [
    'Kho chứa hàng {vitri} chất nhiều vật liệu dễ cháy, không có bình chữa cháy.',
    'Lối thoát hiểm của tòa nhà {vitri} bị khóa và chất đồ đạc.',
    'Dây điện câu móc chằng chịt {vitri}, thường xuyên chập tóe lửa.',
  ],
  'building-safety': [
    'Căn nhà {vitri} bị nứt tường, nghiêng sang nhà bên cạnh, có nguy cơ sụp đổ.',
    'Chung cư cũ {vitri} xuống cấp, mảng bê tông rơi xuống lối đi.',
    'Giàn giáo công trình {vitri} không có lưới che chắn, vật liệu rơi xuống đường.',
  ],
  'fallen-tree': [
    'Cây xanh {vitri} bị ngã đổ sau cơn mưa giông, chắn ngang đường.',
    'Cây {vitri} có nhánh khô lớn sắp gãy, đề nghị cắt tỉa gấp.',
    'Cây {vitri} bị nghiêng, rễ bật lên làm nứt vỉa hè.',
  ],
  'food-safety': [
    'Cơ sở bán thức ăn {vitri} chế biến mất vệ sinh, nguyên liệu để dưới đất.',
    'Gia đình tôi bị đau bụng sau khi ăn tại quán {vitri}, nghi ngộ độc thực phẩm.',
    'Cửa hàng {vitri} bán thực phẩm không rõ nguồn gốc, đã hết hạn sử dụng.',
  ],
  'park-damage': [
    'Dụng cụ tập thể dục trong công viên {vitri} bị gãy, có thể gây chấn thương.',
    'Ghế đá và đồ chơi trẻ em {vitri} hư hỏng {thoigian}.',
    'Nhà vệ sinh công cộng {vitri} hư hỏng, bốc mùi, không có nước.',
  ],
  'administrative-procedure': [
    'Hồ sơ cấp đổi giấy tờ của tôi tại UBND phường đã trễ hẹn hơn hai tuần mà chưa có kết quả.',
    'Khi làm thủ tục tại bộ phận một cửa, tôi bị yêu cầu nộp thêm giấy tờ không có trong quy định.',
    'Đề nghị hướng dẫn rõ cách ghi địa chỉ mới trên giấy tờ sau khi sắp xếp đơn vị hành chính.',
  ],
  other: [
    'Đề nghị gắn biển tên đường, số nhà {vitri} sau khi sắp xếp lại phường, người dân khó tìm địa chỉ.',
    'Tình trạng mất vệ sinh {vitri} kéo dài {thoigian}, đề nghị các cơ quan chức năng kiểm tra, xử lý.',
    'Biển báo giao thông {vitri} bị cây che khuất, đề nghị kiểm tra.',
  ],
};

export const REPLIES: Record<string, string[]> = {
  pothole: [
    'Đơn vị duy tu đã vá ổ gà bằng bê tông nhựa nóng, mặt đường đã êm thuận.',
    'Đã thảm lại đoạn mặt đường hư hỏng và cắm biển cảnh báo trong thời gian thi công.',
  ],
  'road-damage': [
    'Đã yêu cầu đơn vị đào đường tái lập mặt đường đúng quy định; hiện đã hoàn tất.',
    'Đã sửa chữa cục bộ đoạn đường lún, nứt; đoạn còn lại đưa vào kế hoạch duy tu năm tới.',
  ],
  'traffic-light': [
    'Đã thay bộ điều khiển tín hiệu, đèn hoạt động bình thường.',
    'Đã khắc phục sự cố nguồn điện của cụm đèn; cảnh sát giao thông hỗ trợ điều tiết trong lúc sửa chữa.',
  ],
  'bus-stop': [
    'Đã sửa chữa mái che và thay bảng thông tin tuyến tại trạm dừng.',
    'Đã phối hợp UBND phường giải tỏa lấn chiếm khu vực trạm dừng xe buýt.',
  ],
  flooding: [
    'Đã nạo vét hố ga, khơi thông dòng chảy; nước đã rút hoàn toàn.',
    'Đã vận hành máy bơm và van ngăn triều; tuyến đường được đưa vào danh mục chống ngập.',
  ],
  'drainage-blocked': [
    'Đã nạo vét, vớt rác miệng cống và hố ga; dòng chảy đã thông suốt.',
    'Đã thông tắc tuyến cống, đồng thời nhắc nhở hộ dân không xả rác xuống miệng cống.',
  ],
  'manhole-cover': ['Đã thay nắp hố ga mới bằng composite chống trộm.', 'Đã gia cố, điều chỉnh nắp hố ga bằng mặt đường.'],
  'water-supply': [
    'Đã sửa chữa điểm bể ống, cấp nước trở lại bình thường.',
    'Đã điều chỉnh áp lực mạng cấp nước khu vực; nước đã ổn định.',
  ],
  'power-outage': ['Đã khắc phục sự cố, cấp điện trở lại cho khu vực.', 'Đã xử lý dây điện võng thấp và thay trụ điện nghiêng.'],
  'street-light': [
    'Đã thay bóng đèn LED và sửa chữa tủ điện chiếu sáng; đèn hoạt động bình thường.',
    'Đã cân chỉnh bộ hẹn giờ, đèn chỉ sáng vào ban đêm.',
  ],
  garbage: [
    'Đã thu gom toàn bộ rác tồn đọng và điều chỉnh lịch thu gom.',
    'Đã xử lý điểm rác, phối hợp tổ dân phố tuyên truyền bỏ rác đúng giờ.',
  ],
  'illegal-dumping': [
    'Đã thu dọn phế thải; lắp camera và biển cấm đổ rác tại khu vực.',
    'Đã xác định và xử phạt người đổ trộm xà bần, buộc khắc phục hậu quả.',
  ],
  'canal-garbage': [
    'Đã tổ chức vớt rác, lục bình trên tuyến kênh.',
    'Đã tăng tần suất vớt rác và tuyên truyền người dân không xả rác xuống kênh.',
  ],
  'air-pollution': [
    'Đã kiểm tra, lập biên bản cơ sở gây ô nhiễm và yêu cầu khắc phục.',
    'Đã nhắc nhở, xử phạt hành vi đốt rác ngoài trời.',
  ],
  'water-pollution': [
    'Đã lấy mẫu nước, kiểm tra nguồn xả thải và xử phạt cơ sở vi phạm.',
    'Đã yêu cầu chủ đầu tư khu dân cư đấu nối nước thải vào hệ thống thu gom.',
  ],
  noise: [
    'Công an phường đã kiểm tra, nhắc nhở và xử phạt hành vi gây ồn sau 22 giờ.',
    'Đã yêu cầu công trình không thi công gây ồn trong giờ nghỉ ngơi.',
  ],
  'stray-animals': [
    'Đội kiểm tra đã tuần tra, thu giữ chó thả rông không rọ mõm.',
    'Đã tuyên truyền và xử phạt chủ nuôi thả rông chó nơi công cộng.',
  ],
  'sidewalk-encroachment': [
    'Tổ trật tự đô thị đã giải tỏa lấn chiếm, lập biên bản các hộ vi phạm.',
    'Đã nhắc nhở các hộ kinh doanh; vỉa hè đã được trả lại cho người đi bộ.',
  ],
  'illegal-construction': [
    'Đã kiểm tra, lập biên bản và đình chỉ thi công công trình sai phép.',
    'Công trình có giấy phép xây dựng hợp lệ; đã yêu cầu treo bảng thông tin công trình.',
  ],
  'street-vendor': ['Đã ra quân chấn chỉnh, sắp xếp lại hàng rong khu vực.', 'Đã giải tán chợ tự phát và vận động tiểu thương vào chợ.'],
  'illegal-parking': [
    'Cảnh sát giao thông và công an phường đã xử lý các phương tiện đậu sai quy định.',
    'Đã giải tỏa bãi giữ xe tự phát.',
  ],
  'unlicensed-advertising': [
    'Đã bóc gỡ quảng cáo, rao vặt trái phép; các số điện thoại vi phạm được chuyển xử lý.',
    'Đã tháo dỡ băng rôn quảng cáo không phép.',
  ],
  'public-order': ['Công an đã xác minh, xử lý các đối tượng theo quy định.', 'Đã tăng cường tuần tra khu vực vào ban đêm.'],
  'fire-hazard': [
    'Cảnh sát PCCC đã kiểm tra, yêu cầu khắc phục các tồn tại về phòng cháy.',
    'Đã yêu cầu thông thoáng lối thoát hiểm và trang bị phương tiện chữa cháy.',
  ],
  'building-safety': [
    'Đã kiểm định hiện trạng, yêu cầu chủ nhà gia cố và di dời người khỏi khu vực nguy hiểm.',
    'Đã yêu cầu nhà thầu bổ sung lưới che chắn giàn giáo.',
  ],
  'fallen-tree': ['Đã cưa dọn cây ngã, thông đường.', 'Đã cắt tỉa nhánh khô, gia cố cây nghiêng.'],
  'food-safety': [
    'Đoàn kiểm tra an toàn thực phẩm đã kiểm tra, xử phạt cơ sở vi phạm.',
    'Đã lấy mẫu kiểm nghiệm; cơ sở bị đình chỉ hoạt động chờ kết quả.',
  ],
  'park-damage': ['Đã sửa chữa, thay mới dụng cụ thể dục và ghế đá.', 'Đã sửa chữa nhà vệ sinh công cộng, bố trí nhân viên vệ sinh.'],
  'administrative-procedure': [
    'Hồ sơ đã được giải quyết; UBND phường đã xin lỗi người dân về việc trễ hẹn.',
    'Đã hướng dẫn cụ thể thủ tục và chấn chỉnh cán bộ tiếp nhận.',
  ],
  other: [
    'Đơn vị đã tiếp nhận, kiểm tra và xử lý theo thẩm quyền.',
    'Đã chuyển nội dung đến đơn vị có thẩm quyền và thông báo kết quả cho người phản ánh.',
  ],
};
