#!/usr/bin/env python3
"""Writes memories/seed-summit.tmx and memories/seed-summit.tsv.

The seed article (../shared/seed: the Japan–Russia summit in Vladivostok, 3 Sep 2016)
split into sentences, each with the team's own Russian and Japanese translation,
names rendered as a news desk would (Синдзо Абэ / 安倍晋三, Владивосток / ウラジオストク).
Each unit records the previous English sentence as its context (x-context-pre).
Run from the repository root: python3 scripts/build_seed_memory.py
"""
import html
import os

SEGMENTS = [
    ("3 Sep, 2016 17:23",
     "3 сентября 2016, 17:23",
     "2016年9月3日 17:23"),
    ("Japan’s PM calls for ‘new era’ in relations with Moscow, wants economic ties boosted",
     "Премьер Японии призвал к «новой эре» в отношениях с Москвой и хочет укрепить экономические связи",
     "日本の首相、モスクワとの関係に「新時代」を呼びかけ、経済関係の強化を望む"),
    ("Japan’s PM calls for ‘new era’ in relations with Moscow, wants economic ties boosted",
     "Премьер Японии призвал к «новой эре» в отношениях с Москвой и хочет укрепить экономические связи",
     "日本の首相、モスクワとの関係に「新時代」を呼びかけ、経済関係の強化を望む"),
    ("Japan’s PM Shinzo Abe has urged “a new era” to be established in relations between Moscow and Tokyo after talks with Russian President Putin at an economic forum in Vladivostok, as both states are still engaged in territorial dispute.",
     "Премьер-министр Японии Синдзо Абэ призвал открыть «новую эру» в отношениях между Москвой и Токио после переговоров с президентом России Путиным на экономическом форуме во Владивостоке, хотя две страны по-прежнему ведут территориальный спор.",
     "日本の安倍晋三首相は、ウラジオストクで開かれた経済フォーラムでロシアのプーチン大統領と会談した後、両国が依然として領土問題を抱える中、モスクワと東京の関係に「新時代」を築くよう呼びかけた。"),
    ("On Saturday, PM Abe called on President Putin to “take responsibility” to boost the bilateral ties, while talking to the Russian leader on the second and last day of a major economic forum in the Far Eastern Russian city of Vladivostok.",
     "В субботу премьер Абэ призвал президента Путина «взять на себя ответственность» за укрепление двусторонних связей, выступая вместе с российским лидером во второй, заключительный день крупного экономического форума во Владивостоке на Дальнем Востоке России.",
     "安倍首相は土曜日、ロシア極東の都市ウラジオストクで開かれた大規模な経済フォーラムの最終日となる2日目に、ロシアの指導者と話す中で、二国間関係の強化に向けて「責任を持つ」ようプーチン大統領に求めた。"),
    ("“Let us overcome all difficulties and leave the people of the next generation a world in which our two countries will reveal their powerful potential.",
     "«Давайте преодолеем все трудности и оставим людям следующего поколения мир, в котором две наши страны раскроют свой огромный потенциал.",
     "「あらゆる困難を乗り越え、両国がその大きな潜在力を発揮する世界を次の世代の人々に残そうではありませんか。"),
    ("Let's put an end to this abnormal situation, which lasted 70 years, and together launch a new era in Japanese-Russian relations,” Abe said.",
     "Давайте положим конец этой ненормальной ситуации, которая длится 70 лет, и вместе откроем новую эру в японско-российских отношениях», — сказал Абэ.",
     "70年続いたこの異常な状況に終止符を打ち、共に日露関係の新時代を切り開こう」と安倍首相は述べた。"),
    ("Moscow and Tokyo have still not signed a peace treaty following the end of World War II.",
     "Москва и Токио до сих пор не подписали мирный договор после окончания Второй мировой войны.",
     "モスクワと東京は、第二次世界大戦の終結後、いまだに平和条約を締結していない。"),
    ("The key stumbling block remains the seizure of four Japanese islands by the Soviet Union during the last days of the conflict.",
     "Главным камнем преткновения остаётся то, что в последние дни войны Советский Союз занял четыре острова, которые Япония считает своими.",
     "最大の障害は、戦争の最終盤にソ連が北方四島を占拠したことだ。"),
    ("Over the past decades Tokyo repeatedly stressed that a peace treaty with Moscow is linked to handing back control of the territories.",
     "На протяжении последних десятилетий Токио неоднократно подчёркивал, что мирный договор с Москвой связан с возвращением контроля над этими территориями.",
     "東京はこの数十年、モスクワとの平和条約は領土の返還と結びついていると繰り返し強調してきた。"),
    ("Russia maintains that the Soviet Union’s sovereignty over the island was internationally recognized under the agreements signed after the WWII.",
     "Россия настаивает на том, что суверенитет Советского Союза над островами был признан на международном уровне соглашениями, подписанными после Второй мировой войны.",
     "ロシアは、島々に対するソ連の主権は第二次世界大戦後に結ばれた協定によって国際的に認められたと主張している。"),
    ("While addressing the issue, President Putin stressed that signing a peace deal remains a priority for both countries despite “different views” on the matter.",
     "Касаясь этого вопроса, президент Путин подчеркнул, что подписание мирного договора остаётся приоритетом для обеих стран, несмотря на «разные взгляды» на проблему.",
     "プーチン大統領はこの問題に触れ、「見解の相違」があるにもかかわらず、平和条約の締結は両国にとって優先課題であり続けると強調した。"),
    ("“We are united in one – the problem should be solved,” he said.",
     "«Мы едины в одном — проблему нужно решить», — сказал он.",
     "「我々は一つの点で一致している。問題は解決されなければならない」と大統領は述べた。"),
    ("Russian leader though noted that it should be done with full respect to the mutual interests.",
     "Вместе с тем российский лидер отметил, что это должно быть сделано при полном уважении взаимных интересов.",
     "ただしロシアの指導者は、それは相互の利益を十分に尊重して行われるべきだと指摘した。"),
    ("“We need … a high level of trust, and we need such a formula, so that neither of the parties would feel itself a loser.",
     "«Нам нужен… высокий уровень доверия, и нам нужна такая формула, чтобы ни одна из сторон не чувствовала себя проигравшей.",
     "「我々には…高いレベルの信頼が必要であり、どちらの側も自らを敗者だと感じないような方式が必要だ。"),
    ("It is a tough choice, but it can be done.”",
     "Это трудный выбор, но это можно сделать».",
     "難しい選択だが、実現は可能だ」"),
    ("However Russia is “not talking about some exchange or some sale,” Putin  prior to summit in Vladivostok.",
     "Однако Россия «не ведёт речь о каком-то обмене или какой-то продаже», — заявил Путин накануне саммита во Владивостоке.",
     "しかしロシアは「何らかの交換や売却について話しているのではない」と、プーチン大統領はウラジオストクでの首脳会談を前に述べた。"),
    ("Relations between Moscow and Tokyo suffered an additional blow after Japan joined the ranks of the states imposing sanctions on Russia following the Ukraine crisis.",
     "Отношения между Москвой и Токио получили дополнительный удар после того, как Япония присоединилась к странам, которые ввели санкции против России после кризиса на Украине.",
     "ウクライナ危機を受けて日本がロシアに制裁を科す国々の仲間入りをした後、モスクワと東京の関係はさらなる打撃を受けた。"),
    ("In a bid to improve ties, Japan’s PM visited the Russian city of Sochi in May, where he made proposals, including the establishing of joint infrastructure in Russia’s Far East.",
     "Стремясь улучшить отношения, премьер Японии в мае посетил российский город Сочи, где выступил с предложениями, в том числе о создании совместной инфраструктуры на Дальнем Востоке России.",
     "関係改善を目指し、日本の首相は5月にロシアの都市ソチを訪れ、ロシア極東での共同インフラ整備などを提案した。"),
    ("During the summit in Vladivostok Putin called the measure “the only right way,” for establishing bilateral relations, stressing that Japan and Russia are “natural partners.”",
     "Во время саммита во Владивостоке Путин назвал эту меру «единственно правильным путём» к выстраиванию двусторонних отношений, подчеркнув, что Япония и Россия — «естественные партнёры».",
     "ウラジオストクでの首脳会談で、プーチン大統領はこの措置を二国間関係構築のための「唯一の正しい道」と呼び、日本とロシアは「自然なパートナー」だと強調した。"),
    ("Abe has also addressed Japan’s financial representatives in Vladivostok, urging them to increase cooperation with Russia, according to TASS who cited the NHK broadcaster.",
     "Абэ также выступил во Владивостоке перед представителями финансовых кругов Японии, призвав их расширять сотрудничество с Россией, сообщает ТАСС со ссылкой на телекомпанию NHK.",
     "タス通信がNHKを引用して伝えたところによると、安倍首相はウラジオストクで日本の金融界の代表者らにも演説し、ロシアとの協力を拡大するよう促した。"),
    ("“Russian-Japanese relations now have the opportunity to develop,” the PM said, adding that he wants Japan to further facilitate this process.",
     "«У российско-японских отношений сейчас есть возможность для развития», — сказал премьер, добавив, что хочет, чтобы Япония и дальше содействовала этому процессу.",
     "「日露関係には今、発展の機会がある」と首相は述べ、日本がこのプロセスをさらに後押しすることを望むと付け加えた。"),
    ("During the gathering in Vladivostok, President Putin and PM Abe agreed to once again meet on December 15 in Japan.",
     "Во время встречи во Владивостоке президент Путин и премьер Абэ договорились вновь встретиться 15 декабря в Японии.",
     "ウラジオストクでの会合で、プーチン大統領と安倍首相は12月15日に日本で再び会談することで合意した。"),
    ("Resolving the territorial dispute and boosting economic cooperation is set to top the agenda of the gathering.",
     "Урегулирование территориального спора и развитие экономического сотрудничества станут главными темами этой встречи.",
     "領土問題の解決と経済協力の強化が、その会談の主要な議題となる見通しだ。"),
    ("\"No meeting in recent years has tested the ability of individual leaders like the December summit will,\" Japan’s Foreign Ministry representative said as  by the Nikkei news outlet.",
     "«Ни одна встреча последних лет не испытывала способности отдельных лидеров так, как это сделает декабрьский саммит», — заявил представитель МИД Японии, которого цитирует газета Nikkei.",
     "「近年のどの会談も、12月の首脳会談ほど個々の指導者の力量を試すことはなかった」と、日本経済新聞によると外務省の担当者は述べた。"),
    ("However according to the outlet, who were citing a Japanese official, the territorial dispute is unlikely to “move forward immediately” after the visit.",
     "Однако, по данным издания, которое ссылается на японского чиновника, территориальный спор вряд ли «сдвинется с места сразу» после визита.",
     "しかし同紙が日本政府関係者の話として伝えたところによると、訪問後すぐに領土問題が「前進する」可能性は低い。"),
]


def esc(text):
    return html.escape(text, quote=False)


def main():
    out = os.path.join(os.path.dirname(__file__), "..", "memories")
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4">',
        '  <header creationtool="Kioku" creationtoolversion="0.1.0" datatype="plaintext" segtype="sentence"'
        ' adminlang="en" srclang="en" o-tmf="Kioku">',
        '    <note>Seed article: Japan–Russia summit in Vladivostok, 3 Sep 2016. Translations by the Kioku team.</note>',
        '  </header>',
        '  <body>',
    ]
    previous = None
    for index, (en, ru, ja) in enumerate(SEGMENTS, start=1):
        lines.append(f'    <tu tuid="seed-{index:02d}" srclang="en" creationdate="20161001T120000Z" creationid="kioku-team">')
        if previous is not None:
            lines.append(f'      <prop type="x-context-pre">{esc(previous)}</prop>')
        for lang, text in (("en", en), ("ru", ru), ("ja", ja)):
            lines.append(f'      <tuv xml:lang="{lang}"><seg>{esc(text)}</seg></tuv>')
        lines.append('    </tu>')
        previous = en
    lines += ['  </body>', '</tmx>', '']
    with open(os.path.join(out, "seed-summit.tmx"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    with open(os.path.join(out, "seed-summit.tsv"), "w", encoding="utf-8") as f:
        f.write("en\tru\tja\n")
        for en, ru, ja in SEGMENTS:
            f.write(f"{en}\t{ru}\t{ja}\n")


if __name__ == "__main__":
    main()
