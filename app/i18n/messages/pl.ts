import type { Messages } from "./en";

export const pl = {
  "skip.toContent": "Przejdź do treści głównej",
  "language.label": "Język",
  "company.fallback": "naszą firmę",
  "survey.pageTitle": "Anonimowa ankieta",
  "survey.heading": "Krótka anonimowa ankieta",
  "survey.intro": "Zajmie około dwóch minut. Obowiązkowe jest tylko pierwsze pytanie.",
  "survey.promise.title": "Twoje odpowiedzi są anonimowe",
  "survey.promise.personal":
    "Nikt, również dział HR, nie może zobaczyć, kto czego udzielił odpowiedzi: Twój link służy tylko temu, by odpowiedzieć raz, i nie jest przechowywany razem z odpowiedziami. Wyniki są pokazywane tylko dla grup liczących co najmniej {k} osób. Jeśli odpowiedź przez ten link została już wysłana, kolejne odpowiedzi nie zostaną zapisane.",
  "survey.promise.shared":
    "Nikt, również dział HR, nie może zobaczyć, kto czego udzielił odpowiedzi. Wyniki są pokazywane tylko dla grup liczących co najmniej {k} osób.",
  "survey.scale.low": "0 = zupełnie nieprawdopodobne",
  "survey.scale.high": "10 = bardzo prawdopodobne",
  "survey.required": "obowiązkowe",
  "survey.optional": "nieobowiązkowe",
  "survey.rating.1": "Zdecydowanie się nie zgadzam",
  "survey.rating.2": "Nie zgadzam się",
  "survey.rating.3": "Ani się zgadzam, ani nie",
  "survey.rating.4": "Zgadzam się",
  "survey.rating.5": "Zdecydowanie się zgadzam",
  "survey.text.hint": "Do {max} znaków. Prosimy nie podawać nazwisk.",
  "survey.submit": "Wyślij odpowiedzi",
  "survey.sending": "Wysyłanie…",
  "survey.errors": "Sprawdź odpowiedzi oznaczone poniżej.",
  "error.score": "Wybierz ocenę od 0 do 10.",
  "error.rating": "Wybierz jedną z pięciu opcji albo zostaw pole puste.",
  "error.tooLong": "Skróć odpowiedź do {max} znaków.",
  "error.group": "Wybierz swój dział i swoje stanowisko.",
  "shared.group.legend": "O Tobie",
  "shared.group.hint":
    "Służy tylko do pokazania wyników według grup; grupy z mniej niż {k} odpowiedziami nigdy nie są pokazywane.",
  "shared.department": "Twój dział",
  "shared.role": "Twoje stanowisko",
  "shared.choose": "Wybierz…",
  "shared.tooFast":
    "Z tego urządzenia lub tej sieci wysłano w ostatniej minucie kilka odpowiedzi. Odczekaj minutę i wyślij ponownie.",
  "kiosk.thanks": "Dziękujemy! Odpowiedzi zostały zapisane. Formularz jest gotowy dla następnej osoby.",
  "kiosk.note": "Wspólne urządzenie: po wysłaniu nic z tego, co wpiszesz, nie zostanie na ekranie.",
  "thanks.pageTitle": "Dziękujemy",
  "thanks.heading": "Dziękujemy",
  "thanks.body": "Twoje odpowiedzi zostały zapisane anonimowo. Możesz zamknąć tę stronę.",
  "thanks.published": "Zobacz, co zrobiono z wcześniejszymi opiniami",
  "anonymity.linkText": "Jak chroniona jest Twoja anonimowość i gdzie są jej granice",
  "survey.linksDownloaded":
    "Dział HR pobrał osobiste linki do tej ankiety jako plik, zamiast zlecić Candor wysłanie ich e-mailem. Kto ma ten plik, może odpowiedzieć w imieniu innych osób albo za osoby wymyślone w tym celu, a w małej grupie mogłoby to pomóc ustalić Twoją odpowiedź. Jeśli Twój link pokazuje, że już odpowiedziałeś, choć tego nie zrobiłeś, powiedz o tym działowi HR albo przedstawicielowi pracowników.",
  "anonymity.pageTitle": "Jak Twoje odpowiedzi pozostają anonimowe",
  "anonymity.heading": "Jak Twoje odpowiedzi pozostają anonimowe",
  "anonymity.intro":
    "Nikt, również dział HR, nie może zobaczyć, kto udzielił której odpowiedzi. Tutaj opisujemy dokładnie, co jest przechowywane, co jest pokazywane i co pozostaje możliwe.",
  "anonymity.kept.heading": "Co jest przechowywane z Twoimi odpowiedziami",
  "anonymity.kept.body":
    "Twoje odpowiedzi oraz dział i stanowisko, które miałeś w chwili uruchomienia ankiety (na wspólnym urządzeniu: te, które wybierzesz). Nic więcej: żadnego imienia, adresu e-mail, linku ani czasu, nawet dnia.",
  "anonymity.shown.heading": "Co jest pokazywane i komu",
  "anonymity.shown.body":
    "Wyniki są pokazywane tylko dla grup, w których odpowiedzi jest co najmniej tyle, ile wynosi próg Twojej ankiety (nigdy mniej niż 3), a grupy, z których przez odejmowanie dałoby się wyliczyć mniejszą grupę, też są ukrywane. Komentarze są pokazywane tylko dla takich grup, w losowej kolejności i bez dat. Dopóki ankieta jest otwarta, pokazywana jest tylko liczba odpowiedzi: dla grup, do których zaproszono co najmniej tyle osób, a dla grup liczących mniej niż 50 osób tylko raz na godzinę, aby nikt nie mógł zobaczyć, jak przychodzi Twoja odpowiedź.",
  "anonymity.link.heading": "Twój osobisty link",
  "anonymity.link.body":
    "Link zapewnia tylko, że odpowiesz raz. Gdy odpowiadasz, Candor zapisuje znacznik, który tylko serwer potrafi powiązać z Twoim zaproszeniem, za pomocą tajnego klucza przechowywanego poza bazą danych. Twoja odpowiedź nie wskazuje ani na Ciebie, ani na Twój link.",
  "anonymity.limits.heading": "Co pozostaje możliwe",
  "anonymity.limits.server":
    "Kto prowadzi serwer, ma ten klucz, więc może sprawdzić, czy odpowiedziałeś: Candor potrzebuje tego, aby nie przyjąć drugiej odpowiedzi i przypominać tylko osobom, które jeszcze nie odpowiedziały. Ktoś, kto ma tylko kopię bazy danych, na przykład zapasową, nie może tego zrobić.",
  "anonymity.limits.alone":
    "Twoja odpowiedź zawiera Twój dział i stanowisko. Jeśli nikt inny z tym samym działem i stanowiskiem nie odpowiedział, ten, kto prowadzi serwer, mógłby rozpoznać Twoją odpowiedź; jeśli nikogo innego z nimi nawet nie zaproszono, mógłby to zrobić każdy, kto ma kopię bazy danych. Wyniki nigdy nie pokazują tak małych grup.",
  "anonymity.limits.order":
    "Dopóki ankieta jest otwarta, plik bazy danych nadal zawiera kolejność, w jakiej przychodziły odpowiedzi; mając klucz, można by ją zestawić z kolejnością, w jakiej odpowiadały osoby. Po zamknięciu ankiety plik jest zapisywany na nowo bez tej kolejności, a kopie zapasowe nigdy jej nie zawierają.",
  "anonymity.limits.links":
    "Jeśli dział HR pobierze osobiste linki jako plik, zamiast zlecić Candor wysłanie ich e-mailem, kto ma ten plik, może odpowiedzieć w imieniu innych osób albo za osoby wymyślone; strona ankiety Cię wtedy o tym poinformuje. Wyniki pokazują też, kiedy w grupie są osoby dodane do katalogu tuż przed ankietą.",
  "anonymity.limits.same":
    "Jeśli wszyscy w grupie dadzą tę samą ocenę, wynik grupy pokazuje, co odpowiedziała każda z tych osób.",
  "used.heading": "Ta ankieta jest już wypełniona",
  "used.body": "Ten link został już użyty, więc nie można go użyć ponownie. Dziękujemy za udział.",
  "closed.heading": "Ankieta jest zamknięta",
  "closed.body": "Została zamknięta {date}. Dziękujemy za zainteresowanie.",
  "notOpen.heading": "Ankieta nie jest jeszcze otwarta",
  "notOpen.body": "Zostanie otwarta {date}. Zajrzyj wtedy ponownie.",
  "unknown.heading": "Ten link nie działa",
  "unknown.body": "Sprawdź, czy otwarto cały link z zaproszenia, albo poproś dział HR o nowy.",
  "published.pageTitle": "Wasze opinie, nasze działania",
  "published.heading": "Wasze opinie, nasze działania",
  "published.intro": "Co powiedzieliście nam w anonimowych ankietach i co robimy w odpowiedzi.",
  "published.anonymous":
    "Ankiety są anonimowe: nikt, również dział HR, nie może zobaczyć, kto udzielił której odpowiedzi.",
  "published.results.heading": "Co nam powiedzieliście",
  "published.results.empty": "Nie ma jeszcze wyników. Pojawią się tutaj po zakończeniu ankiety.",
  "published.enps.about":
    "eNPS przyjmuje wartości od -100 do +100: odsetek osób, które poleciłyby nas jako miejsce pracy (oceny 9–10), minus odsetek tych, które by nas nie poleciły (0–6).",
  "published.round.closed": "Zakończona {date}",
  "published.score.label": "eNPS",
  "published.score.range": "Przedział 95%: od {low} do {high}",
  "published.score.answers": "Odpowiedzi: {count}",
  "published.score.meaning":
    "Przedział 95% to zakres, w którym najprawdopodobniej leży eNPS wszystkich zaproszonych, przy założeniu, że osoby, które nie odpowiedziały, myślą tak jak te, które odpowiedziały.",
  "published.change.significant":
    "{delta} pkt względem ankiety „{round}”: wyraźna zmiana. Przypadkiem tak duża zmiana zdarzyłaby się rzadziej niż raz na 20.",
  "published.change.noise":
    "{delta} pkt względem ankiety „{round}”: w granicach szumu statystycznego. Tak duża zmiana może wynikać z tego, kto akurat odpowiedział.",
  "published.change.tooFew":
    "{delta} pkt względem ankiety „{round}”: za mało odpowiedzi, by stwierdzić, czy coś się zmieniło.",
  "published.withheld":
    "Nie pokazano: mniej niż {k} odpowiedzi albo ukryto, aby nie dało się wyliczyć wyniku mniejszej grupy.",
  "published.groups.heading": "Według działów i stanowisk",
  "published.groups.departments": "Działy",
  "published.groups.roles": "Stanowiska",
  "published.groups.note":
    "Nie wymieniamy grup, które mają mniej niż {k} odpowiedzi lub zostały ukryte, aby nie dało się wyliczyć wyniku mniejszej grupy.",
  "published.added":
    "Dodani do katalogu w ciągu {days} dni przed rozpoczęciem ankiety: {added} z {invited} zaproszonych osób.",
  "published.groups.none": "Żaden dział ani stanowisko nie ma wystarczająco wielu odpowiedzi, by pokazać je osobno.",
  "published.earlier.heading": "Wcześniejsze ankiety",
  "published.actions.heading": "Co robimy",
  "published.actions.empty": "Nic jeszcze nie opublikowano. Tutaj pojawią się działania podjęte po ankietach.",
  "published.action.deadline": "Termin: {date}",
  "published.action.after": "Po ankiecie „{round}”",
  "published.action.latest": "Ostatnia aktualizacja ({date})",
  "published.action.noUpdate": "Brak aktualizacji.",
  "status.PLANNED": "Zaplanowane",
  "status.IN_PROGRESS": "W toku",
  "status.DONE": "Zrobione",
  "status.CANCELLED": "Anulowane",
} satisfies Messages;
