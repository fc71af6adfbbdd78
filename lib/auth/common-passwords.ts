// A small bundled list of the most common breached passwords (lower-cased), checked at sign-up and password change.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `000000 00000000 101010 1111 111111 11111111 112233 11223344 121212 123123 123123123 123321 1234 12345
1234512345 123456 1234561234 1234567 12345678 123456789 1234567890 1234567890a 123456789a 123456a 1234qwer
123654 123abc 123qwe 131313 147258 147258369 159753 1q2w3e 1q2w3e4r 1q2w3e4r5t 1qaz2wsx 1qazxsw2 2000 202020
222222 321321 333333 444444 555555 654321 666666 696969 696969696 777777 7777777 87654321 888888 88888888
987654321 999999 99999999 a123456 a123456789 a1b2c3d4 aa123456 aaaaaa abc123 abc12345 abcd1234 abcdef
abcdef123 abcdefg abcdefgh access admin admin123 adminadmin administrator administrator1 amanda andrew
apple123 asdf1234 asdfgh asdfghjkl ashley austin autumn2024 baseball baseball1 batman biteme buster cairn
cairn123 cairnpassword changeme changeme123 charlie cheese chelsea computer dallas daniel default demo
demo123 dragon dragon1 facebook football football1 freedom george ginger google guest guest123 harley hello
hello123 hellohello hockey hunter iloveu iloveyou iloveyou1 iloveyou2 internet jennifer jessica jordan joshua
killer klaster letmein letmein1 letmein123 linkedin love lovely loveme maggie master master1 matrix matthew
michael michelle microsoft mobilemail mom monitor monitoring monkey monkey1 montana moon moscow mustang
mypassword mypassword1 nicole p@ssw0rd p@ssword pass passw0rd password password! password1 password1!
password12 password123 password1234 password12345 passwordpassword pepper princess princess1 q1w2e3r4
q1w2e3r4t5 qazwsx qwer1234 qwerty qwerty1 qwerty123 qwerty123! qwertyui qwertyuiop qwertyuiop123 ranger
robert root samsung secret secret123 shadow shadow1 soccer spring2024 starwars starwars1 summer summer2024
summer2025 summer2026 sunshine sunshine1 superman superman1 taylor test test123 testtest thomas thunder
tigger toor trustme trustno1 trustno11 twitter user user123 welcome welcome1 welcome1! welcome123 whatever
winter2024 winter2025 winter2026 yankees zaq12wsx zxcvbn zxcvbnm zxcvbnm123`.split(/\s+/),
);
