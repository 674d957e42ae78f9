namespace WeatherFlick.Simulator.Kto.Dataset;

/// <summary>Word pools the generated titles, addresses and descriptions are built from.</summary>
internal static class KoreanWords
{
    public static readonly string[] Roots =
    [
        "청운", "백운", "금강", "용문", "화엄", "송림", "월정", "한솔", "은하", "반디", "솔향", "해오름", "달빛", "별빛", "소나무",
        "바람", "구름", "들꽃", "하늘", "초록", "노을", "다온", "가람", "보람", "한빛", "새봄", "늘봄", "여울", "물빛", "산들",
        "온누리", "미리내", "도담", "아름", "누리", "한결", "모래내", "무지개", "동백", "매화", "연꽃", "국화", "단풍", "대숲",
        "은행나무", "느티", "버들", "참나무", "청룡", "백호", "봉황", "두루미", "거북", "용궁", "천왕", "옥녀", "선녀", "신선",
        "태양", "만수", "수락", "운악", "칠보", "비봉", "옥천", "서운", "봉림", "금오", "천마", "장군", "학림", "남산", "동산",
        "서림", "북악", "해송", "갈매기", "파도", "등대", "섬마을", "호수", "시냇물", "오솔길", "돌담", "초가", "기와", "한옥",
    ];

    public static readonly string[] Dishes =
    [
        "국밥", "냉면", "막국수", "갈비", "한정식", "칼국수", "순두부", "곰탕", "해장국", "닭갈비", "삼계탕", "보리밥", "쌈밥",
        "물회", "횟집", "대게", "장어구이", "돼지국밥", "밀면", "떡갈비", "비빔밥", "두부마을", "감자탕", "추어탕", "아구찜",
    ];

    /// <summary>Places whose name is a brand of a dish: they make keyword searches for a city hit other regions too.</summary>
    public static readonly string[] FamousPlaces = ["부산", "전주", "춘천", "평양", "함흥", "안동", "의정부", "나주", "포항", "통영", "강릉", "제주"];

    public static readonly string[] FestivalThemes =
    [
        "벚꽃", "유채꽃", "단풍", "빛", "불꽃", "국화", "머드", "재즈", "한우", "대게", "딸기", "인삼", "녹차", "연꽃", "해맞이",
        "눈꽃", "얼음", "산천어", "송이", "전어", "고로쇠", "철쭉", "해바라기", "억새", "도자기", "탈춤", "청자", "수박",
    ];

    public static readonly string[] CourseThemes = ["바다", "숲길", "역사", "미식", "골목", "강변", "전통시장", "사찰", "온천", "야경"];

    public static readonly string[] Dongs = ["중앙", "신", "상", "하", "동", "서", "남", "북", "대", "문화", "평화", "행복", "송정", "청담", "구산"];

    public static readonly string[] Adjectives =
    [
        "사계절 아름다운 풍경을 자랑하는", "가족 단위 방문객에게 인기가 높은", "지역 주민들이 즐겨 찾는", "오랜 역사를 간직한",
        "자연과 어우러진", "최근 새롭게 단장한", "사진 명소로 알려진", "조용히 쉬어 가기 좋은",
    ];

    public static readonly string[] Closings =
    [
        "주변 관광지와 함께 둘러보기 좋다.", "주차 공간이 넉넉해 차량 방문도 편리하다.", "대중교통으로도 쉽게 찾아갈 수 있다.",
        "방문 전 운영 시간을 확인하는 것이 좋다.", "계절마다 다른 매력을 느낄 수 있다.",
    ];
}
