#!/usr/bin/env python3
"""Generate fixtures/math/blind3.jsonl: hand-written natural-language step-by-step
solutions (clean and with exactly one injected error), independently authored.
Deterministic: no randomness except a fixed-seed shuffle of record order."""
import json, os, random, re
from fractions import Fraction as F

RECORDS = []

def R(rid, problem, steps, final, ref, label=None, k=-1, tricky=False):
    rec = {"id": "b3-" + rid, "problem": problem, "steps": steps,
           "final_answer": final, "reference_answer": ref}
    if label is None:
        rec["_label"] = {"first_error_step": -1, "label": "correct"}
    else:
        assert 0 <= k < len(steps)
        rec["_label"] = {"first_error_step": k, "label": label}
    rec["_tricky"] = tricky  # stripped before writing
    RECORDS.append(rec)

# ---------------------------------------------------------------- clean
R("c01", "A bakery sells muffins for $3 each. On Monday it sold 45 muffins and on Tuesday it sold 38 muffins. How much money did it make from muffins over the two days?",
  ["Muffins sold: 45 + 38 = <<45+38=83>>83 muffins.",
   "Money made: 83 * $3 = $<<83*3=249>>249.",
   "#### 249"], "249", "249")
R("c02", "Maria has $120. She spends 25% of it on a book and then $18 on lunch. How much money does she have left?",
  ["Let's figure out how much the book costs first. 25% of $120 is 0.25 × 120 = $30.",
   "After buying the book, Maria has 120 - 30 = $90 left.",
   "Then she spends $18 on lunch, so she has 90 - 18 = $72 remaining.",
   "So Maria has $72 left."], "72", "72")
R("c03", r"Solve for $x$: $5x - 7 = 3x + 9$.",
  [r"Subtract $3x$ from both sides: \[2x - 7 = 9.\]",
   r"Add $7$ to both sides: \[2x = 16.\]",
   r"Divide both sides by $2$: \[x = 8.\]",
   r"Check: $5(8) - 7 = 33$ and $3(8) + 9 = 33$, so the solution is $x = \boxed{8}$."], "8", "8")
R("c04", "A car travels 250 km in 3 hours. What is its average speed, to the nearest tenth of a km/h?",
  ["Average speed = distance / time.",
   "Speed = 250 / 3 ≈ 83.33 km/h.",
   "Rounded to the nearest tenth, the speed is about 83.3 km/h."], "83.3", "83.3", tricky=True)
R("c05", "Alan was born in 1987. How old did he turn on his birthday in 2023?",
  ["Alan was born in 1987 and we want his age on his birthday in 2023.",
   "2023 - 1987 = 36.",
   "So Alan turned 36 in 2023."], "36", "36", tricky=True)
R("c06", "A train leaves at 9:45 am and arrives at 1:15 pm the same day. How many minutes does the trip take?",
  ["From 9:45 am to 12:45 pm is 3 hours.",
   "From 12:45 pm to 1:15 pm is another 30 minutes.",
   "3 hours = 3 × 60 = 180 minutes.",
   "Total: 180 + 30 = 210 minutes."], "210", "210", tricky=True)
R("c07", r"Find the positive root of $x^2 - 5x - 14 = 0$.",
  [r"Factor: $x^2 - 5x - 14 = (x - 7)(x + 2)$.",
   r"So $x - 7 = 0$ or $x + 2 = 0$.",
   r"Case 1: $x = 7$, which is positive.",
   r"Case 2: $x = -2$, which is negative, so we discard it.",
   r"The positive root is $\boxed{7}$."], "7", "7", tricky=True)
R("c08", "A rectangular garden is 12 m long and 7 m wide. What is its perimeter?",
  ["The perimeter of a rectangle is P = 2(l + w).",
   "Here l = 12 m and w = 7 m.",
   "P = 2(12 + 7) = 2 × 19 = 38 m.",
   "The perimeter of the garden is 38 m."], "38 m", "38", tricky=True)
R("c09", "Find the simple interest earned on $2,500 invested at 4% per year for 3 years.",
  [r"Simple interest is given by $I = Prt$.",
   r"Here $P = 2500$, $r = 0.04$, and $t = 3$.",
   r"$I = 2500 \times 0.04 \times 3 = 300$.",
   r"The interest earned is $\$300$."], "$300", "300", tricky=True)
R("c10", "The sum of two numbers is 42 and their difference is 10. What is the larger number?",
  [r"Let the numbers be $x$ and $y$ with $x > y$.",
   r"Then $x + y = 42$ and $x - y = 10$.",
   r"Adding the two equations gives $2x = 52$, so $x = 26$.",
   r"Then $y = 42 - 26 = 16$.",
   r"The larger number is $26$."], "26", "26")
R("c11", "A student's test scores are 78, 85, 92, 88 and 97. What is the mean score?",
  ["First, add the scores: 78 + 85 + 92 + 88 + 97 = 440.",
   "Next, divide by the number of scores, which is 5: 440 / 5 = 88.",
   "Therefore, the mean score is 88."], "88", "88")
R("c12", "Red and blue marbles in a jar are in the ratio 3:5. If there are 64 marbles in total, how many are blue?",
  ["The ratio 3:5 has 3 + 5 = 8 parts in total.",
   "Each part is 64 / 8 = 8 marbles.",
   "Blue marbles: 5 × 8 = 40."], "40", "40")
R("c13", "A bag holds 4 red, 6 green and 5 yellow balls. One ball is drawn at random. What is the probability that it is green?",
  ["Total number of balls: 4 + 6 + 5 = 15.",
   "There are 6 green balls, so P(green) = 6/15 = 2/5."], "2/5", "2/5")
R("c14", "A recipe needs 2 1/2 cups of flour per batch. How much flour is needed for 3 batches?",
  ["2 1/2 cups = 5/2 cups.",
   "For 3 batches: 3 × 5/2 = 15/2 cups.",
   "15/2 = 7 1/2, so you need 7 1/2 cups of flour."], "7 1/2", "15/2", tricky=True)
R("c15", "A box measures 8 cm by 5 cm by 4 cm. What is its volume?",
  ["Volume of a rectangular box: V = l × w × h.",
   "V = 8 × 5 × 4 = 160 cm^3.",
   "The volume is 160 cubic centimetres."], "160", "160", tricky=True)
R("c16", "A cyclist rides 45 km in 2.5 hours. What is her average speed?",
  ["Speed = distance ÷ time = 45 ÷ 2.5 = 18 km/h.",
   "Her average speed is 18 km/h."], "18 km/h", "18")
R("c17", r"Find the sum of the roots of $x^2 - 9x + 20 = 0$.",
  [r"We factor the quadratic: \[x^2 - 9x + 20 = (x - 4)(x - 5).\]",
   r"The roots are $x = 4$ and $x = 5$.",
   r"Their sum is $4 + 5 = 9$, so the answer is $\boxed{9}$."], "9", "9", tricky=True)
R("c18", "A shirt priced at $40 is marked up by 15%. What is the new price?",
  ["The markup is 15% of $40 = $6.",
   "The new price is $40 + $6 = $46."], "46", "46")
R("c19", "In a queue, Sam is 7th from the front and 12th from the back. How many people are in the queue?",
  ["Since Sam is 7th from the front, there are 6 people in front of him.",
   "Since he is 12th from the back, there are 11 people behind him.",
   "Total = 6 + 11 + 1 = 18 people, counting Sam himself."], "18", "18", tricky=True)
R("c20", "A phone plan costs $25 per month plus $0.10 per text message. In one month Jo sends 340 texts. What is her bill?",
  ["Step 1: Cost of the texts = 340 × $0.10 = $34.",
   "Step 2: Add the monthly fee: $34 + $25 = $59.",
   "Step 3: Jo's bill for the month is $59."], "59", "59", tricky=True)
R("c21", "A summer camp accepts children aged 8 to 12. A group has 6 children aged 9, 4 children aged 11 and 5 children aged 13. How many children from the group can attend?",
  ["Only children aged 8 to 12 are accepted.",
   "The 9-year-olds and the 11-year-olds qualify: 6 + 4 = 10 children.",
   "The 5 children who are 13 are too old.",
   "So 10 children can attend."], "10", "10", tricky=True)
R("c22", "Tom is 14 years old and his father is 40. In how many years will his father be exactly twice Tom's age?",
  [r"Let $n$ be the number of years from now.",
   r"Then $40 + n = 2(14 + n)$.",
   r"Expanding: $40 + n = 28 + 2n$.",
   r"So $n = 40 - 28 = 12$.",
   r"Check: in 12 years Tom will be 26 and his father 52, and $52 = 2 \times 26$."], "12", "12", tricky=True)
R("c23", "Pens cost $1.35 each. Ivy buys 8 pens and pays with a $20 bill. How much change does she get?",
  ["Cost of 8 pens: 8 × 1.35 = 10.80 dollars.",
   "Change: 20 - 10.80 = 9.20 dollars.",
   "Ivy gets $9.20 in change."], "$9.20", "9.2")
R("c24", "A pump fills 150 liters in 6 minutes. At that rate, how long does it take to fill 1,000 liters?",
  ["Rate = 150 / 6 = 25 liters per minute.",
   "Time = 1,000 / 25 = 40 minutes."], "40 minutes", "40")
R("c25", "Find the area of a circle with radius 5 cm, rounded to two decimal places.",
  [r"The area of a circle is $A = \pi r^2$.",
   r"With $r = 5$: $A = \pi \cdot 5^2 = 25\pi$.",
   r"$25\pi \approx 78.54$, so the area is about $78.54 \text{ cm}^2$."], "78.54", "78.54", tricky=True)
R("c26", "A right triangle has legs of length 6 and 8. How long is the hypotenuse?",
  [r"By the Pythagorean theorem, $c^2 = 6^2 + 8^2 = 36 + 64 = 100$.",
   r"So $c = \sqrt{100} = 10$."], "10", "10")
R("c27", "Ana ate 1/3 of a pizza and Ben ate 1/4 of it. What fraction of the pizza is left?",
  ["Together they ate 1/3 + 1/4 = 4/12 + 3/12 = 7/12 of the pizza.",
   "The fraction left is 1 - 7/12 = 5/12."], "5/12", "5/12")
R("c28", "A jacket costs $80. It is discounted by 20%, and then 5% sales tax is added to the sale price. What is the final price?",
  ["First, the discount: 20% of $80 = $16.",
   "Next, the sale price: $80 - $16 = $64.",
   "Then the tax: 5% of $64 = $3.20.",
   "Therefore, the final price is $64 + $3.20 = $67.20."], "$67.20", "67.2")
R("c29", "Lena buys 3 dozen eggs and uses 14 of them for baking. How many eggs does she have left?",
  ["1 dozen = 12 eggs, so 3 dozen = 3 × 12 = 36 eggs.",
   "After using 14, she has 36 - 14 = 22 eggs left."], "22", "22", tricky=True)
R("c30", "At a fair, adult tickets cost $9 and child tickets cost $5. A total of 40 tickets were sold for $268. How many adult tickets were sold?",
  ["Let a be the number of adult tickets and c the number of child tickets.",
   "Then a + c = 40 and 9a + 5c = 268.",
   "From the first equation, c = 40 - a.",
   "Substituting: 9a + 5(40 - a) = 268, so 9a + 200 - 5a = 268.",
   "This gives 4a = 68, so a = 17.",
   "Then c = 40 - 17 = 23. Check: 9(17) + 5(23) = 153 + 115 = 268."], "17", "17")
R("c31", "A meeting runs from 10:30 am to 12:05 pm. How many minutes long is it?",
  ["From 10:30 to 12:00 is 90 minutes.",
   "From 12:00 to 12:05 is 5 more minutes.",
   "So the meeting lasts 90 + 5 = 95 minutes."], "95", "95", tricky=True)
R("c32", r"Solve $x^2 + 2x - 15 = 0$.",
  [r"We look for two numbers whose product is $-15$ and whose sum is $2$: these are $5$ and $-3$.",
   r"So $x^2 + 2x - 15 = (x + 5)(x - 3) = 0$.",
   r"Either $x + 5 = 0$, giving $x = -5$, or $x - 3 = 0$, giving $x = 3$.",
   r"The solutions are $x = -5$ or $x = 3$."], "x = -5 or x = 3", "x = 3 or x = -5", tricky=True)
R("c33", "Three friends split a restaurant bill of $100 equally. How much does each pay, to the nearest cent?",
  ["Each share is 100 / 3 ≈ 33.33 dollars.",
   "So each friend pays about $33.33."], "33.33", "33.33", tricky=True)
R("c34", "What percent of 80 is 18?",
  ["Divide the part by the whole: 18 / 80 = 0.225.",
   "Convert to a percent: 0.225 × 100 = 22.5, so 18 is 22.5% of 80."], "22.5%", "22.5")
R("c35", "The average of four numbers is 15. Three of them are 12, 18 and 9. What is the fourth number?",
  ["The sum of all four numbers is 4 × 15 = 60.",
   "The sum of the three known numbers is 12 + 18 + 9 = 39.",
   "So the fourth number is 60 - 39 = 21."], "21", "21")
R("c36", "A triangle has a base of 10 cm and a height of 7 cm. What is its area?",
  [r"$A = \frac{1}{2} \times 10 \times 7 = 35$ cm$^2$.",
   r"The area of the triangle is $35 \text{ cm}^2$."], "35", "35")
R("c37", "The sum of three consecutive integers is 72. What is the largest of them?",
  [r"Let the integers be $n$, $n + 1$ and $n + 2$.",
   r"Then $n + (n + 1) + (n + 2) = 72$, so $3n + 3 = 72$.",
   r"$3n = 69$, so $n = 23$.",
   r"The largest integer is $n + 2 = 25$."], "25", "25")
R("c38", "Two cars leave the same point at the same time and drive in opposite directions at 55 mph and 65 mph. After how many hours will they be 300 miles apart?",
  ["The distance between them grows at 55 + 65 = 120 miles per hour.",
   "Time = distance / speed = 300 / 120 = 2.5 hours."], "2.5", "2.5")
R("c39", "Nina reads 24 pages a day. Her book has 312 pages. How many pages are left after 9 days?",
  ["Pages read in 9 days: 24*9 = <<24*9=216>>216 pages.",
   "Pages left: 312-216 = <<312-216=96>>96 pages.",
   "#### 96"], "96", "96")
R("c40", "A company was founded in 1998. In which year did it celebrate its 25th anniversary?",
  ["The 25th anniversary comes 25 years after the founding year.",
   "1998 + 25 = 2023.",
   "The company celebrated its 25th anniversary in 2023."], "2023", "2023", tricky=True)
R("c41", "A ribbon 3.5 m long is cut into pieces 25 cm long. How many pieces are there?",
  ["First convert the length: 3.5 m = 350 cm.",
   "Number of pieces: 350 / 25 = 14."], "14", "14", tricky=True)
R("c42", "Kim earns $18 per hour for the first 40 hours of a week and 1.5 times that rate for overtime. How much does she earn in a week in which she works 46 hours?",
  ["Regular pay: 40 × 18 = $720.",
   "The overtime rate is 1.5 × 18 = $27 per hour.",
   "Overtime hours: 46 - 40 = 6, so overtime pay is 6 × 27 = $162.",
   "Total pay: 720 + 162 = $882."], "882", "882")
R("c43", "A town of 5,000 people grows by 10% per year. What is its population after 2 years?",
  ["After 1 year: 5,000 × 1.1 = 5,500.",
   "After 2 years: 5,500 × 1.1 = 6,050."], "6050", "6050")
R("c44", "The length of a rectangle is 3 cm more than its width, and its area is 40 cm^2. Find its width.",
  [r"Let the width be $w$ cm. Then the length is $w + 3$ cm.",
   r"$w(w + 3) = 40$, so $w^2 + 3w - 40 = 0$.",
   r"$(w + 8)(w - 5) = 0$, so $w = -8$ or $w = 5$.",
   r"A width cannot be negative, so $w = 5$ cm."], "5", "5", tricky=True)
R("c45", "Two fair six-sided dice are rolled. What is the probability that the sum is 7?",
  ["There are 6 × 6 = 36 equally likely outcomes.",
   "The outcomes with sum 7 are (1,6), (2,5), (3,4), (4,3), (5,2) and (6,1): 6 outcomes.",
   "P(sum = 7) = 6/36 = 1/6."], "1/6", "1/6")
R("c46", "A recipe uses 3 eggs to make 12 cookies. How many eggs are needed for 40 cookies?",
  ["Eggs per cookie: 3/12 = 1/4.",
   "For 40 cookies: 40 × 1/4 = 10 eggs."], "10", "10")
R("c47", "What is the length of the diagonal of a square with side 4 cm, to the nearest hundredth?",
  [r"The diagonal of a square with side $s$ is $d = s\sqrt{2}$.",
   r"$d = 4\sqrt{2} \approx 5.66$ cm."], "5.66", "5.66", tricky=True)
R("c48", "A square has a perimeter of 36 cm. What is its area?",
  ["Each side is 36 / 4 = 9 cm.",
   "Area = 9^2 = 81 cm^2."], "81", "81")
R("c49", "A farmer plants 8 rows of 15 tomato plants. Each plant yields 4 kg of tomatoes, which he sells for $2.50 per kg. How much money does he make?",
  ["Okay, so first we need the number of plants. With 8 rows of 15, that's 8 × 15 = 120 plants.",
   "Each plant gives 4 kg, so the harvest is 120 × 4 = 480 kg of tomatoes.",
   "At $2.50 per kg, the farmer earns 480 × 2.50 = $1,200. So he makes $1,200 in total."], "$1,200", "1200")
R("c50", r"Solve $\frac{x}{3} + 4 = 10$.",
  [r"Subtract 4 from both sides: $\frac{x}{3} = 6$.",
   r"Multiply both sides by 3: $x = 18$."], "18", "18")
R("c51", "The price of a bike fell from $250 to $200. What was the percent decrease?",
  ["The decrease is 250 - 200 = 50 dollars.",
   "As a fraction of the original price: 50 / 250 = 0.2 = 20%."], "20%", "20")
R("c52", "A bus leaves the depot every 15 minutes, starting at 6:00 am. How many buses leave from 6:00 am through 8:00 am, inclusive?",
  ["From 6:00 am to 8:00 am is 120 minutes.",
   "120 / 15 = 8 intervals between departures.",
   "Counting the first bus at 6:00 am, there are 8 + 1 = 9 buses."], "9", "9", tricky=True)
R("c53", r"Solve the system $3x + 2y = 16$ and $x - y = 2$.",
  [r"From the second equation, $x = y + 2$.",
   r"Substitute into the first: $3(y + 2) + 2y = 16$, so $5y + 6 = 16$.",
   r"$5y = 10$, so $y = 2$.",
   r"Then $x = 2 + 2 = 4$.",
   r"The solution is $(x, y) = (4, 2)$."], "(4, 2)", "(4, 2)")
R("c54", "Dev drives 60 km to a lake at 30 km/h and drives back the same way at 60 km/h. What is his average speed for the whole round trip?",
  ["Time going: 60 / 30 = 2 h.",
   "Time returning: 60 / 60 = 1 h.",
   "The total distance is 120 km and the total time is 3 h.",
   "Average speed = 120 / 3 = 40 km/h."], "40", "40", tricky=True)
R("c55", "A board is 8 3/4 ft long. A piece 2 1/2 ft long is cut off. How long is the remaining board?",
  ["Write both as quarters: 8 3/4 = 35/4 and 2 1/2 = 10/4.",
   "35/4 - 10/4 = 25/4.",
   "25/4 = 6 1/4, so the remaining board is 6 1/4 ft long."], "6 1/4 ft", "25/4", tricky=True)
R("c56", "A fair coin is flipped 3 times. What is the probability of getting exactly two heads?",
  [r"There are $2^3 = 8$ equally likely outcomes.",
   r"The outcomes with exactly two heads are HHT, HTH and THH, so there are 3 of them.",
   r"The probability is $\frac{3}{8}$."], r"\frac{3}{8}", "3/8")
R("c57", "A cylinder has radius 3 and height 10. Find its volume in terms of pi.",
  [r"The volume of a cylinder is $V = \pi r^2 h$.",
   r"$V = \pi (3)^2 (10) = \pi \cdot 9 \cdot 10 = 90\pi$."], r"90\pi", r"90\pi", tricky=True)
R("c58", "A car goes 350 miles on 12 gallons of gas. How many miles per gallon does it get, to the nearest hundredth?",
  ["Miles per gallon = 350 / 12 ≈ 29.17.",
   "The car gets about 29.17 miles per gallon."], "29.17", "29.17", tricky=True)
R("c59", "In 2010, Ravi was 36 years old and 3 times as old as his daughter. How old was his daughter in 2020?",
  ["In 2010 the daughter was 36 / 3 = 12 years old.",
   "From 2010 to 2020 is 10 years.",
   "So in 2020 she was 12 + 10 = 22 years old."], "22", "22", tricky=True)
R("c60", "A class has 30 students, and 40% of them are boys. How many girls are in the class?",
  ["Number of boys: 40% of 30 = 12.",
   "Number of girls: 30 - 12 = 18."], "18", "18")
R("c61", "The product of two consecutive positive even integers is 168. What is the smaller integer?",
  [r"Let the integers be $n$ and $n + 2$.",
   r"$n(n + 2) = 168 \Rightarrow n^2 + 2n - 168 = 0$.",
   r"$(n + 14)(n - 12) = 0$, so $n = -14$ or $n = 12$.",
   r"Since the integers are positive, $n = 12$ (and indeed $12 \times 14 = 168$)."], "12", "12", tricky=True)
R("c62", "Find the simple interest on $1,200 at 5% per year for 18 months.",
  ["18 months = 1.5 years.",
   "I = 1200 × 0.05 × 1.5 = 90.",
   "The simple interest is $90."], "90", "90")
R("c63", "Ann, Bea and Cal share $450 in the ratio 2:3:4. How much does Cal get?",
  ["Total parts: 2 + 3 + 4 = 9.",
   "One part is 450 / 9 = 50 dollars.",
   "Cal gets 4 parts: 4 × 50 = $200."], "200", "200")
R("c64", "The daily high temperatures one week were 12, 18, 9, 21 and 15 °C. What was the range?",
  ["The highest temperature was 21 °C and the lowest was 9 °C.",
   "Range = 21 - 9 = 12 °C."], "12", "12", tricky=True)
R("c65", "Alice can paint a fence in 6 hours and Bob can paint it in 3 hours. How long will it take them working together?",
  ["Step 1: Alice paints 1/6 of the fence per hour and Bob paints 1/3 of it per hour.",
   "Step 2: Together they paint 1/6 + 1/3 = 1/6 + 2/6 = 3/6 = 1/2 of the fence per hour.",
   "Step 3: Time = 1 ÷ (1/2) = 2 hours."], "2 hours", "2", tricky=True)
R("c66", "A course grade is 40% quiz average and 60% exam score. Zoe has a quiz average of 80 and an exam score of 90. What is her course grade?",
  ["Quiz contribution: 0.4 × 80 = 32.",
   "Exam contribution: 0.6 × 90 = 54.",
   "Course grade: 32 + 54 = 86."], "86", "86")
# ------------------------------------------------------- arithmetic-error
A = "arithmetic-error"
R("a01", "Notebooks cost $4 each. Ella buys 17 notebooks and pays with a $100 bill. How much change does she get?",
  ["17 notebooks cost 17*4 = $<<17*4=64>>64.",
   "Her change is 100-64 = $<<100-64=36>>36.",
   "#### 36"], "36", "32", A, 0)
R("a02", "Movie tickets cost $12 each. A family buys 7 tickets and a $15 bucket of popcorn. How much do they spend?",
  ["Alright, the tickets come first: 7 tickets cost 7 × 12 = $84.",
   "Adding the popcorn gives 84 + 15 = $89.",
   "So the family spends $89 altogether."], "89", "99", A, 1)
R("a03", r"Solve $4x + 9 = 37$.",
  [r"Subtract 9 from both sides: $4x = 37 - 9 = 28$.",
   r"Divide by 4: $x = 28 / 4 = 8$.",
   r"So $x = \boxed{8}$."], "8", "7", A, 1)
R("a04", "The scores on four quizzes were 72, 81, 90 and 67. What is the average score?",
  ["First, the total: 72 + 81 + 90 + 67 = 300.",
   "Then, the average: 300 / 4 = 75.",
   "Therefore, the average score is 75."], "75", "77.5", A, 0)
R("a05", "A coat costs $65 and is on sale for 30% off. What is the sale price?",
  ["The discount is 30% of $65 = $19.50.",
   "The sale price is $65 - $19.50 = $44.50.",
   "So the coat costs $44.50 on sale."], "44.50", "45.5", A, 1)
R("a06", "A room is 14 m long and 9 m wide. Carpet costs $3 per square metre. How much does it cost to carpet the room?",
  ["The area of a rectangle is A = l × w.",
   "A = 14 × 9 = 116 m^2.",
   "Cost = 116 × 3 = $348."], "348", "378", A, 1)
R("a07", "Two numbers add up to 30 and differ by 8. What is the smaller number?",
  [r"Let the numbers be $x$ and $y$, with $x$ the larger.",
   r"Then $x + y = 30$ and $x - y = 8$.",
   r"Adding the equations: $2x = 38$, so $x = 19$.",
   r"Then $y = 30 - 19 = 12$.",
   r"The smaller number is $12$."], "12", "11", A, 3)
R("a08", r"Find the product of the roots of $x^2 - 13x + 40 = 0$ by solving the equation.",
  [r"Factor: $x^2 - 13x + 40 = (x - 5)(x - 8)$.",
   r"So the roots are $x = 5$ and $x = 8$.",
   r"Their product is $5 \times 8 = 45$.",
   r"The answer is $\boxed{45}$."], "45", "40", A, 2)
R("a09", "A train covers 360 km in 4.5 hours. At the same speed, how far does it travel in 3 hours?",
  ["Speed = 360 / 4.5 = 90 km/h.",
   "In 3 hours it travels 90 × 3 = 270 km."], "270", "240", A, 0)
R("a10", "Two-thirds of the 45 students in a club play a sport, and one-fifth of those play tennis. How many students play tennis?",
  ["2/3 of 45 = 30 students play a sport.",
   "1/5 of 30 = 5 students play tennis."], "5", "6", A, 1)
R("a11", "What is the total amount after investing $3,000 at 6% simple interest per year for 4 years?",
  [r"Simple interest: $I = Prt$.",
   r"$I = 3000 \times 0.06 \times 4 = 620$.",
   r"Amount $= 3000 + 620 = 3620$, so the total is $\$3{,}620$."], "3620", "3720", A, 1)
R("a12", "Add 1 3/4 and 2 2/3.",
  ["Convert to improper fractions: 1 3/4 = 7/4 and 2 2/3 = 8/3.",
   "7/4 + 8/3 = 21/12 + 32/12 = 51/12.",
   "51/12 = 4 3/12 = 4 1/4."], "4 1/4", "53/12", A, 1)
R("a13", "The ratio of boys to girls in a school is 4:7. There are 99 students. How many are girls?",
  ["Total parts: 4 + 7 = 11.",
   "One part: 99 / 11 = 8 students.",
   "Girls: 7 × 8 = 56."], "56", "63", A, 1)
R("a14", "A card is drawn at random from a standard 52-card deck. What is the probability that it is a face card (jack, queen or king)?",
  [r"Each of the 4 suits has 3 face cards, so there are $3 \times 4 = 12$ face cards.",
   r"$P = \frac{12}{52} = \frac{3}{14}$."], r"\frac{3}{14}", "3/13", A, 1)
R("a15", "A store receives 6 packs of 24 cans and sells 39 cans. How many cans are left?",
  ["Step 1: 6 packs × 24 cans = 144 cans.",
   "Step 2: 144 - 39 = 115 cans.",
   "Step 3: So 115 cans are left."], "115", "105", A, 1)
R("a16", "A fish tank measures 50 cm by 40 cm by 30 cm. How many litres does it hold? (1 litre = 1000 cm^3)",
  ["First, 50 × 40 = 2,000, and then 2,000 × 30 = 6,000 cm^3.",
   "Next, convert: 6,000 / 1000 = 6 litres.",
   "Therefore, the tank holds 6 litres."], "6", "60", A, 0)

# -------------------------------------------------- invalid-transformation
I = "invalid-transformation"
R("i01", r"Solve $3x + 7 = 22$.",
  [r"Move the 7 to the right-hand side: $3x = 22 + 7$.",
   r"So $3x = 29$.",
   r"Dividing by 3, $x = \frac{29}{3}$."], r"\frac{29}{3}", "5", I, 0)
R("i02", "Solve 2(x + 4) = 18.",
  ["Expanding the bracket: 2x + 4 = 18.",
   "Subtract 4: 2x = 14.",
   "Divide by 2: x = 7."], "7", "5", I, 0)
R("i03", r"Solve $\frac{x}{4} - 3 = 5$.",
  [r"Multiply both sides by 4: $x - 3 = 20$.",
   r"Add 3: $x = 23$."], "23", "32", I, 0)
R("i04", r"Solve $5x = 3x + 12$.",
  [r"Bring the $x$ terms together: $5x + 3x = 12$.",
   r"So $8x = 12$.",
   r"$x = \frac{12}{8} = \frac{3}{2}$."], r"\frac{3}{2}", "6", I, 0)
R("i05", r"Simplify $(x + 3)^2 - x^2$.",
  [r"First, expand the square: $(x + 3)^2 = x^2 + 9$.",
   r"Then $(x + 3)^2 - x^2 = x^2 + 9 - x^2 = 9$.",
   r"So the expression simplifies to $9$."], "9", "6x + 9", I, 0)
R("i06", "Solve 3(x - 2) = 2(x + 1).",
  ["Distribute on both sides: 3x - 2 = 2x + 2.",
   "Subtract 2x from both sides: x - 2 = 2.",
   "Add 2: x = 4."], "4", "8", I, 0)
R("i07", r"Solve the system $x + y = 10$ and $2x + y = 16$.",
  [r"We have $x + y = 10$ and $2x + y = 16$.",
   r"From the first equation, $y = 10 + x$.",
   r"Substituting: $2x + 10 + x = 16$, so $3x = 6$ and $x = 2$.",
   r"Then $y = 10 + 2 = 12$.",
   r"The solution is $(2, 12)$."], "(2, 12)", "(6, 4)", I, 1)
R("i08", r"Solve $x^2 = 6x$.",
  [r"Divide both sides by $x$: $x = 6$.",
   r"So the solution is $x = 6$."], "x = 6", "x = 0 or x = 6", I, 0)
R("i09", r"Solve $x^2 - 4x - 21 = 0$.",
  [r"Factor: $x^2 - 4x - 21 = (x - 3)(x + 7)$.",
   r"Setting each factor to zero: $x = 3$ or $x = -7$.",
   r"The solutions are $x = 3$ and $x = -7$."], "x = 3 or x = -7", "x = 7 or x = -3", I, 0)
R("i10", "Solve 4(x - 1) = 2x + 10.",
  ["Let's open the bracket on the left first, which gives 4x - 1 = 2x + 10.",
   "Now take 2x away from both sides: 2x - 1 = 10.",
   "Adding 1 gives 2x = 11, and so x = 11/2."], "11/2", "7", I, 0)
R("i11", "The length of a rectangle is twice its width and its perimeter is 54 cm. Find the width.",
  [r"Let the width be $w$ cm, so the length is $2w$ cm.",
   r"The perimeter is $2(w + 2w) = 54$.",
   r"Distributing the 2: $2w + 2w = 54$.",
   r"So $4w = 54$ and $w = 13.5$ cm."], "13.5", "9", I, 2)
R("i12", r"Simplify $\frac{6x^2 + 3x}{3x}$ for $x \neq 0$.",
  [r"Cancel the $3x$: $\frac{6x^2 + 3x}{3x} = 6x^2 + 1$.",
   r"So the simplified form is $6x^2 + 1$."], "6x^2 + 1", "2x + 1", I, 0)
R("i13", r"Solve $\frac{2x}{5} = 8$.",
  [r"Move the 5 across: $2x = \frac{8}{5}$.",
   r"Divide by 2: $x = \frac{4}{5}$."], r"\frac{4}{5}", "20", I, 0)
R("i14", "Solve 9 - 2x = 3x - 6.",
  ["First, collect the numbers on the left and the x terms on the right: 9 + 6 = 3x - 2x.",
   "Next, simplify both sides: 15 = x.",
   "Therefore, x = 15."], "15", "3", I, 0)
R("i15", "Half of a number increased by 6 is 20. What is the number?",
  [r"Let $n$ be the number. Then $\frac{n}{2} + 6 = 20$.",
   r"Multiplying both sides by 2 gives $n + 6 = 40$.",
   r"So $n = 34$."], "34", "28", I, 1)
R("i16", r"Solve $(x + 1)^2 = x^2 + 13$.",
  [r"Expand the left side: $x^2 + x + 1 = x^2 + 13$.",
   r"Subtract $x^2$ from both sides: $x + 1 = 13$.",
   r"So $x = 12$."], "12", "6", I, 0)
# ------------------------------------------------------ undefined-variable
U = "undefined-variable"
R("u01", "The length of a rectangle is 3 cm more than its width and its perimeter is 46 cm. Find the width.",
  [r"Let the width be $w$ cm. Then the length is $w + 3$ cm.",
   r"The perimeter gives $2(w + 3) + 2b = 46$.",
   r"So $2w + 6 + 2w = 46$, which means $4w = 40$.",
   r"Therefore $w = 10$ cm."], "10", "10", U, 1)
R("u02", "Sara buys 3 notebooks at $4 each and some pens at $2 each. She spends $20 in total. How many pens does she buy?",
  ["The notebooks cost 3 × 4 = $12.",
   "So 12 + 2p = 20.",
   "Then 2p = 8, so p = 4.",
   "Sara buys 4 pens."], "4", "4", U, 1)
R("u03", r"Solve the system $2x + 3y = 12$ and $y = x - 1$.",
  [r"Substitute $y = x - 1$ into the first equation.",
   r"This gives $2x + 3(t - 1) = 12$.",
   r"Expanding, $2x + 3x - 3 = 12$, so $5x = 15$ and $x = 3$.",
   r"Then $y = 3 - 1 = 2$, and the solution is $(3, 2)$."], "(3, 2)", "(3, 2)", U, 1)
R("u04", "The sum of three consecutive integers is 96. What is the largest?",
  [r"Let the smallest integer be $n$.",
   r"The three integers are $n$, $n + 1$ and $n + 2$.",
   r"Their sum is $3k + 3 = 96$.",
   r"So $3k = 93$ and $k = 31$.",
   r"The largest integer is $31 + 2 = 33$."], "33", "33", U, 2)
R("u05", "Liam is 4 years older than Mia. The sum of their ages is 30. How old is Mia?",
  [r"Let Mia's age be $a$.",
   r"Then Liam's age is $a + 4$.",
   r"The sum of their ages: $a + y = 30$.",
   r"Using Liam's age, $2a + 4 = 30$, so $2a = 26$.",
   r"Mia is $a = 13$ years old."], "13", "13", U, 2)
R("u06", "A shop sells a lamp for $84 after marking up its cost by 40%. What did the lamp cost the shop?",
  [r"Let the cost be $c$ dollars.",
   r"The selling price is $c + 0.4c = 1.4c$.",
   r"So $1.4y = 84$.",
   r"Dividing, $y = 84 / 1.4 = 60$.",
   r"The lamp cost the shop $\$60$."], "60", "60", U, 2)
R("u07", "The length of a rectangle is 2 more than its width and its area is 48. Find the length.",
  [r"Let the width be $w$, so the length is $w + 2$.",
   r"Then $w(w + 2) = 48$, i.e. $w^2 + 2w - 48 = 0$.",
   r"Factoring: $(v + 8)(v - 6) = 0$.",
   r"The width must be positive, so the width is 6.",
   r"The length is $6 + 2 = 8$."], "8", "8", U, 2)
R("u08", "The average of five numbers is 14. Four of them are 10, 12, 15 and 19. What is the fifth number?",
  ["The total of all five numbers is 5 × 14 = 70.",
   "The four known numbers add up to 10 + 12 + 15 + 19 = 56.",
   "So 56 + q = 70.",
   "Therefore q = 70 - 56 = 14, and the fifth number is 14."], "14", "14", U, 2)
R("u09", "Two trains 420 km apart travel toward each other at 65 km/h and 75 km/h. After how many hours do they meet?",
  [r"Let $t$ be the time in hours until they meet.",
   r"Together they cover $65t + 75t = 420$.",
   r"So $140r = 420$.",
   r"$r = 420 / 140 = 3$.",
   r"They meet after 3 hours."], "3", "3", U, 2)
R("u10", r"Solve $\frac{2x}{3} - 4 = 6$.",
  [r"Add 4 to both sides: $\frac{2x}{3} = 10$.",
   r"Multiply both sides by 3: $2y = 30$.",
   r"Divide by 2: $y = 15$.",
   r"So $x = 15$."], "15", "15", U, 1)
R("u11", "Ben spent one quarter of his money on a game and $15 on food. He has $30 left. How much money did he start with?",
  [r"Let Ben's starting money be $B$ dollars.",
   r"He spent $\frac{1}{4}B$ on the game.",
   r"So $B - \frac{1}{4}B - 15 = 30$.",
   r"That is, $\frac{3}{4}N = 45$.",
   r"So $N = 45 \times \frac{4}{3} = 60$, and Ben started with $\$60$."], "60", "60", U, 3)
R("u12", "A car travels 150 km at 50 km/h and then 90 km at 45 km/h. How long does the whole trip take?",
  [r"Time for the first part: $t_1 = 150 / 50 = 3$ h.",
   r"Time for the second part: $t_2 = D / 45 = 90 / 45 = 2$ h.",
   r"Total time: $3 + 2 = 5$ h."], "5", "5", U, 1)
R("u13", "A bag contains some red balls and 8 blue balls. The probability of drawing a red ball is 1/3. How many red balls are there?",
  [r"Let $r$ be the number of red balls.",
   r"The total number of balls is $r + 8$.",
   r"So $\frac{r}{r + b} = \frac{1}{3}$.",
   r"Cross-multiplying, $3r = r + 8$, so $2r = 8$.",
   r"$r = 4$ red balls."], "4", "4", U, 2)
R("u14", "A plumber charges a $40 call-out fee plus $55 per hour. A job cost $260. How many hours did it take?",
  [r"Let the number of hours be $t$.",
   r"Then $40 + 55t = 260$.",
   r"So $55t = 260 - f$.",
   r"$55t = 220$, which gives $t = 4$.",
   r"The job took 4 hours."], "4", "4", U, 2)
R("u15", "Each crate holds 24 bottles. A store receives 15 crates and sells 290 bottles. How many bottles are left?",
  ["15 crates hold 15*24 = <<15*24=360>>360 bottles.",
   "Bottles left: B - 290 = 360 - 290 = <<360-290=70>>70.",
   "#### 70"], "70", "70", U, 1)
R("u16", "A rectangle has an area of 60 cm^2 and a width of 5 cm. What is its perimeter?",
  [r"The length is $\ell = 60 / 5 = 12$ cm.",
   r"Perimeter $= 2(\ell + w) = 2(12 + w)$.",
   r"$= 2(12 + 5) = 2 \times 17 = 34$ cm."], "34", "34", U, 1)

# ------------------------------------------------------- inconsistent-step
N = "inconsistent-step"
R("n01", r"Solve $2x - 3 = 11$, then find the value of $3x + 1$.",
  [r"Add 3: $2x = 14$.",
   r"Divide by 2: $x = 7$.",
   r"Then $3x + 1 = 3(9) + 1 = 28$."], "28", "22", N, 2)
R("n02", "Tom had $65. He spent $27 on a shirt and then $14 on lunch. How much does he have left?",
  ["After buying the shirt: $65 - $27 = $38.",
   "After lunch: $36 - $14 = $22.",
   "Tom has $22 left."], "22", "24", N, 1)
R("n03", "A class has 32 students and 3/4 of them passed the exam. Half of those who passed got an A. How many students got an A?",
  ["3/4 of 32 = 24 students passed.",
   "Half of the 26 students who passed is 26 / 2 = 13.",
   "So 13 students got an A."], "13", "12", N, 1)
R("n04", r"If $x + y = 20$ and $x - y = 6$, find $xy$.",
  [r"Adding the equations: $2x = 26$, so $x = 13$.",
   r"Then $y = 20 - 13 = 7$.",
   r"So $xy = 13 \times 9 = 117$."], "117", "91", N, 2)
R("n05", "A rectangular yard is 15 m by 8 m. Fencing costs $12 per metre. How much does it cost to fence the yard?",
  ["Perimeter: 2(15 + 8) = 46 m.",
   "Fencing cost: 48 × 12 = $576.",
   "It costs $576 to fence the yard."], "576", "552", N, 1)
R("n06", "A machine makes 45 widgets per hour. It runs 8 hours a day for 5 days. How many widgets does it make?",
  ["Per day: 45 × 8 = 360 widgets.",
   "Over 5 days: 5 × 380 = 1,900 widgets.",
   "#### 1900"], "1900", "1800", N, 1)
R("n07", "Ann is 3 times as old as Bo. In 10 years, Ann will be twice as old as Bo. How old is Ann now?",
  [r"Let Bo's age be $b$, so Ann's age is $3b$.",
   r"In 10 years: $3b + 10 = 2(b + 10)$.",
   r"$3b + 10 = 2b + 20$.",
   r"So $b = 10$.",
   r"Ann is $3b = 3 \times 12 = 36$ years old."], "36", "30", N, 4)
R("n08", r"Let the roots of $x^2 - 7x + 10 = 0$ be found by factoring. What is the sum of the squares of the roots?",
  [r"$x^2 - 7x + 10 = (x - 2)(x - 5)$.",
   r"So the roots are $x = 2$ and $x = 5$.",
   r"The sum of the squares is $2^2 + 6^2 = 4 + 36 = 40$."], "40", "29", N, 2)
R("n09", "A town of 8,000 people shrinks by 15%. What is the new population?",
  ["First, 15% of 8,000 = 1,200.",
   "Next, 8,000 - 1,000 = 7,000.",
   "Therefore, the new population is 7,000."], "7000", "6800", N, 1)
R("n10", "Jo drives 180 km in 3 hours. She then drives another 120 km at the same speed. How long does the whole trip take?",
  ["Her speed is 180 / 3 = 60 km/h.",
   "At 50 km/h, the 120 km takes 120 / 50 = 2.4 hours.",
   "The whole trip takes 3 + 2.4 = 5.4 hours."], "5.4", "5", N, 1)
R("n11", r"Let $a = 4$ and $b = 3$. Compute $a^2 + 2ab$.",
  [r"$a^2 = 4^2 = 16$.",
   r"$2ab = 2 \cdot 4 \cdot 5 = 40$.",
   r"So $a^2 + 2ab = 16 + 40 = 56$."], "56", "40", N, 1)
R("n12", "Four plants are 150, 162, 158 and 170 cm tall. What is their mean height?",
  ["Sum of the heights: 150 + 162 + 158 + 170 = 640 cm.",
   "Mean: 620 / 4 = 155 cm.",
   "The mean height is 155 cm."], "155", "160", N, 1)
R("n13", "A baker needs 3 cups of flour per loaf. She bakes 7 loaves from a 25-cup bag. How much flour is left?",
  ["So, 7 loaves need 7 × 3 = 21 cups of flour.",
   "She starts with 25 cups, which means after baking she'll have 25 - 23 = 2 cups left over.",
   "The answer is 2 cups."], "2", "4", N, 1)
R("n14", "What is the total amount after $5,000 earns 3% simple interest per year for 6 years?",
  ["Annual interest: 5000 × 0.03 = 150 dollars.",
   "Interest over 6 years: 6 × 160 = 960 dollars.",
   "Total amount: 5000 + 960 = 5960 dollars."], "5960", "5900", N, 1)
R("n15", "A rectangle's width is 6 cm and its length is twice its width. Find its area.",
  [r"The width is $w = 6$ cm.",
   r"The length is $\ell = 2w = 12$ cm.",
   r"Area: $A = \ell w = 12 \times 7 = 84$ cm$^2$."], "84", "72", N, 2)
R("n16", "A 60-litre tank is 2/5 full. How many more litres are needed to fill it?",
  ["2/5 of 60 = 24 litres are already in the tank.",
   "To fill it we need 60 - 20 = 40 litres.",
   "So 40 more litres are needed."], "40", "36", N, 1)

# ------------------------------------------------------------ self-check
NUMEXPR = r"[0-9.\s()+\-*/]*"

def _norm(s):
    s = s.replace("\\$", "").replace("$", " ").replace("\\,", "").replace("{,}", "")
    s = s.replace("\\[", " ").replace("\\]", " ")
    for a in ("\\times", "×", "\\cdot", "·"):
        s = s.replace(a, "*")
    for a in ("\\div", "÷"):
        s = s.replace(a, "/")
    s = re.sub(r"\\frac\{([^{}]*)\}\{([^{}]*)\}", r"((\1)/(\2))", s)
    s = re.sub(r"(?<=\d),(?=\d{3})", "", s)
    s = re.sub(r"(\d+) (\d+)/(\d+)", r"(\1+\2/\3)", s)          # mixed numbers
    s = re.sub(r"(\d)\^(\d)", r"\1**\2", s)
    s = re.sub(r"\)\^(\d)", r")**\1", s)
    s = re.sub(r"\)\s*\(", ")*(", s)
    s = re.sub(r"(\d)\s*\(", r"\1*(", s)
    return s

def _ev(e):
    e = e.strip()
    if not re.search(r"\d", e):
        return None
    e2 = re.sub(r"\d+(\.\d+)?", lambda m: "F('%s')" % m.group(0), e)
    try:
        return eval(e2, {"F": F})
    except Exception:
        return None

def check_step(step):
    """Return list of (lhs, rhs) numeric claims that are false (exact)."""
    bad = []
    for m in re.finditer(r"<<([^=>]+)=([^>]+)>>", step):
        if _ev(m.group(1).replace("x", "*")) != _ev(m.group(2)):
            bad.append(m.group(0))
    s = _norm(re.sub(r"<<[^>]*>>", "", step))
    parts = s.split("=")
    for i in range(len(parts) - 1):
        L, Rt = parts[i], parts[i + 1]
        lm = re.search(r"[0-9.()+\-*/ ]*$", L).group(0)
        rm = re.match(r"[0-9.()+\-*/ ]*", Rt).group(0)
        lm = lm.lstrip()
        before = L[:len(L) - len(lm)]
        after = Rt[len(rm.rstrip()):]
        lm, rm = lm.strip(), rm.strip().rstrip(".").strip()
        if not lm or not rm:
            continue
        if lm[0] in "+-*/" and re.search(r"[A-Za-z0-9)}]\s*$", before):
            continue
        if re.search(r"([A-Za-z_^}\\%]|\bof)\s*$", before) and not re.search(r"\s$", before):
            continue
        if re.search(r"of\s*$", before) or re.match(r"[A-Za-z\\%^]", after):
            continue
        if "≈" in Rt[:10] or "approx" in Rt[:10]:
            continue
        a, b = _ev(lm), _ev(rm)
        if a is None or b is None:
            continue
        if a != b:
            bad.append("%s = %s" % (lm, rm))
    return bad

CHECKED = [0]

def self_check():
    problems = 0
    for r in RECORDS:
        lab = r["_label"]
        for j, st in enumerate(r["steps"]):
            bad = check_step(st)
            if bad and lab["label"] in ("arithmetic-error", "inconsistent-step") and j == lab["first_error_step"]:
                CHECKED[0] += 1
            if not bad:
                continue
            if lab["label"] == "arithmetic-error" and j >= lab["first_error_step"]:
                continue
            if lab["label"] == "inconsistent-step" and j >= lab["first_error_step"]:
                continue
            print("CHECK", r["id"], j, bad)
            problems += 1
    return problems

# -------------------------------------------- explicit checks (clean maths)
def explicit_checks():
    import math
    assert abs(250 / 3 - 83.33) < 0.005 and round(250 / 3, 1) == 83.3
    assert round(25 * math.pi, 2) == 78.54
    assert round(4 * math.sqrt(2), 2) == 5.66
    assert round(350 / 12, 2) == 29.17 and round(100 / 3, 2) == 33.33
    for x in (7, -2):
        assert x * x - 5 * x - 14 == 0
    for x in (4, 5):
        assert x * x - 9 * x + 20 == 0
    for x in (-5, 3):
        assert x * x + 2 * x - 15 == 0
    for w in (-8, 5):
        assert w * w + 3 * w - 40 == 0
    for n in (-14, 12):
        assert n * n + 2 * n - 168 == 0
    assert 3 * 4 + 2 * 2 == 16 and 4 - 2 == 2
    assert 40 + 12 == 2 * (14 + 12)
    assert 9 * 17 + 5 * 23 == 268
    assert F(1, 6) + F(1, 3) == F(1, 2)
    assert F(35, 4) - F(10, 4) == F(25, 4)
    assert 0.4 * 80 + 0.6 * 90 == 86
    assert 5000 * F(11, 10) ** 2 == 6050
    # flawed records: confirm the reference answers and the injected errors
    assert 100 - 17 * 4 == 32 and 17 * 4 != 64
    assert (37 - 9) / 4 == 7
    assert (72 + 81 + 90 + 67) / 4 == 77.5
    assert 5 * 8 == 40 and (x := 5) * x - 13 * x + 40 == 0
    assert F(7, 4) + F(8, 3) == F(53, 12)
    # i-records: the transformed equation has a different solution set
    assert 3 * 5 + 7 == 22 and 3 * F(29, 3) + 7 != 22
    assert 2 * (5 + 4) == 18 and 2 * (7 + 4) != 18
    assert F(32, 4) - 3 == 5 and F(23, 4) - 3 != 5
    assert 3 * (8 - 2) == 2 * (8 + 1) and 3 * (4 - 2) != 2 * (4 + 1)
    assert 4 * (7 - 1) == 2 * 7 + 10
    assert 9 - 2 * 3 == 3 * 3 - 6 and 9 - 30 != 45 - 6
    assert 7 * 7 - 4 * 7 - 21 == 0 and 3 * 3 - 4 * 3 - 21 != 0
    assert (6 + 1) ** 2 == 36 + 13 and (12 + 1) ** 2 != 144 + 13
    assert F(28, 2) + 6 == 20 and F(34, 2) + 6 != 20
    assert 2 * (9 + 18) == 54
    # u-records: final answers are right even though a symbol is undefined
    assert 2 * (10 + 3) + 2 * 10 == 46 and 12 + 2 * 4 == 20
    assert 2 * 3 + 3 * 2 == 12 and 31 + 32 + 33 == 96 and 13 + 17 == 30
    assert 60 * F(14, 10) == 84 and 8 * 6 == 48 and 3 * 140 == 420
    assert 60 - 15 - 15 == 30 and F(4, 12) == F(1, 3) and 40 + 55 * 4 == 260
    # n-records: references
    assert 3 * 7 + 1 == 22 and 65 - 27 - 14 == 24 and 13 * 7 == 91
    assert 2 * (15 + 8) * 12 == 552 and 4 + 25 == 29 and 16 + 24 == 40
    assert 3 * 10 == 30 and 3 * 10 + 10 == 2 * 20

def main():
    explicit_checks()
    n = self_check()
    assert n == 0, "self-check found %d problems" % n
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids))
    for r in RECORDS:
        if r["_label"]["label"] == "correct":
            pass
    recs = list(RECORDS)
    random.Random(20240603).shuffle(recs)
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "fixtures", "math", "blind3.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for r in recs:
            r = {k: v for k, v in r.items() if k != "_tricky"}
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    from collections import Counter
    c = Counter(r["_label"]["label"] for r in RECORDS)
    print("wrote", len(recs), "records:", dict(c),
          "tricky clean:", sum(1 for r in RECORDS if r["_tricky"] and r["_label"]["label"] == "correct"))

if __name__ == "__main__":
    main()
