#!/usr/bin/python3
"""Blind test set 4 for the math-step evaluator (written without reading the evaluator).

Deterministic: hand-written records, written in a fixed order to fixtures/math/blind4.jsonl.
Run:  /usr/bin/python3 scripts/make-math-blind4.py [--check]
--check evaluates every simple numeric chain found in the steps with exact fractions and reports
mismatches (clean records must report none; flawed ones only at their error step, if at all).
"""
import json
import os
import re
import sys
from fractions import Fraction

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "math", "blind4.jsonl")

R = []


def clean(id_, problem, steps, final, ref):
    R.append((id_, problem, steps, final, ref, -1, "correct"))


def bad(id_, label, k, problem, steps, final, ref):
    R.append((id_, problem, steps, final, ref, k, label))


# ---------------------------------------------------------------- clean: everyday GSM style
clean("b4-c01", "Lena buys 3 notebooks at $4 each and 2 pens at $1.50 each. She pays with a $20 bill. How much change does she get?",
      ["Notebooks cost 3*4 = $<<3*4=12>>12.",
       "Pens cost 2*1.50 = $<<2*1.5=3>>3.",
       "In total she spends 12+3 = $<<12+3=15>>15.",
       "Her change is 20-15 = $<<20-15=5>>5.",
       "#### 5"], "5", "5")
clean("b4-c02", "A jacket costs $80. Its price is increased by 15%. What is the new price?",
      ["The increase is 15% of $80, which is 0.15 × 80 = $12.",
       "So the new price is $80 + $12 = $92.",
       "The answer is $92."], "$92", "92")
clean("b4-c03", "A laptop priced at $1,250 is on sale for 20% off. What is the sale price?",
      ["First, let's figure out the discount. 20% of $1,250 is 0.20 × 1,250 = $250.",
       "Subtracting that from the original price gives $1,250 - $250 = $1,000.",
       "So the laptop costs $1,000 on sale."], "1000", "1000")
clean("b4-c04", "A class has 36 students. Two thirds of them walk to school, and 1/4 of the rest ride bikes. How many students ride bikes?",
      ["2/3 of 36 = 24 students walk.",
       "The rest are 36 - 24 = 12 students.",
       "1/4 of 12 = 3 students ride bikes.",
       "#### 3"], "3", "3")
clean("b4-c05", "A recipe needs 2 1/2 cups of flour per batch. How many cups are needed for 3 batches?",
      ["Each batch needs 2 1/2 cups, which is 5/2 cups.",
       "For 3 batches we need 3 × 5/2 = 15/2 cups.",
       "15/2 = 7 1/2, so 7 1/2 cups of flour are needed."], "15/2", "7.5")
clean("b4-ct06", "Maria runs 2.5 km every morning. How many meters does she run in one week?",
      ["First convert the daily distance: 2.5 km = 2500 m.",
       "A week has 7 days, so she runs 7 × 2500 = 17500 m.",
       "She runs 17,500 meters in a week."], "17500", "17500")
clean("b4-c07", "Pipe A can fill a tank in 6 hours and pipe B can fill it in 3 hours. How long does it take both pipes together to fill the tank?",
      ["Pipe A fills $\\frac{1}{6}$ of the tank per hour and pipe B fills $\\frac{1}{3}$ of it per hour.",
       "Together they fill $\\frac{1}{6} + \\frac{1}{3} = \\frac{1}{6} + \\frac{2}{6} = \\frac{3}{6} = \\frac{1}{2}$ of the tank per hour.",
       "So the time needed is $1 \\div \\frac{1}{2} = 2$ hours.",
       "$\\boxed{2}$"], "2", "2")
clean("b4-c08", "A train travels 240 miles in 4 hours. At the same speed, how long will it take to travel 420 miles?",
      ["Speed = distance / time = 240 / 4 = 60 mph.",
       "Time for 420 miles = 420 / 60 = 7 hours.",
       "The answer is 7."], "7", "7")
clean("b4-c09", "Jamal scored 82, 90, 76 and 88 on four tests. What must he score on the fifth test to average exactly 85?",
      ["To average 85 over 5 tests he needs a total of 5 × 85 = 425 points.",
       "His current total is 82 + 90 + 76 + 88 = 336.",
       "So the fifth score must be 425 - 336 = 89."], "89", "89")
clean("b4-ct10", "Red and blue marbles in a jar are in the ratio 3:4. There are 42 marbles in total. How many are blue?",
      ["The ratio 3:4 means there are 3 + 4 = 7 equal parts.",
       "Each part is 42 / 7 = 6 marbles.",
       "Blue marbles: 4 × 6 = 24.",
       "**Answer: 24**"], "24", "24")
clean("b4-ct11", "Find the simple interest earned on $2,000 invested at 5% per year for 3 years.",
      ["The simple interest formula is $I = Prt$.",
       "Here $P = 2000$, $r = 0.05$ and $t = 3$.",
       "So $I = 2000 \\times 0.05 \\times 3 = 300$.",
       "The interest earned is $\\$300$."], "300", "300")
clean("b4-ct12", "$1,000 is invested at 10% interest compounded annually. What is it worth after 2 years?",
      ["We use $A = P(1 + r)^n$.",
       "$A = 1000(1 + 0.1)^2 = 1000 \\times 1.21 = 1210$.",
       "So the investment is worth $1,210 after 2 years."], "1210", "1210")
clean("b4-ct13", "A rectangle has length 12 cm and width 5 cm. Find the length of its diagonal.",
      ["By the Pythagorean theorem, $d^2 = 12^2 + 5^2 = 144 + 25 = 169$.",
       "So $d = \\sqrt{169} = 13$ cm.",
       "The diagonal is $\\boxed{13}$ cm."], "13", "13")
clean("b4-ct14", "Using π ≈ 22/7, find the area of a circle with radius 7 cm.",
      ["The area of a circle is A = πr^2.",
       "With r = 7: A ≈ 22/7 × 7^2 = 22/7 × 49 = 154.",
       "The area is about 154 cm^2."], "154", "154")
clean("b4-c15", "Solve $5x - 7 = 3x + 9$.",
      ["Subtract $3x$ from both sides: $2x - 7 = 9$.",
       "Add 7 to both sides: $2x = 16$.",
       "Divide both sides by 2: $x = 8$.",
       "Check: $5(8) - 7 = 33$ and $3(8) + 9 = 33$. ✓"], "x = 8", "8")
clean("b4-c16", "Solve the system $x + y = 11$ and $2x - y = 7$.",
      ["From the first equation, $y = 11 - x$.",
       "Substitute into the second: $2x - (11 - x) = 7$, so $3x - 11 = 7$.",
       "Then $3x = 18$ and $x = 6$.",
       "Back-substituting, $y = 11 - 6 = 5$.",
       "The solution is $(6, 5)$."], "(6, 5)", "(6, 5)")
clean("b4-c17", "Solve the system $3a + 2b = 16$, $a - 2b = 0$.",
      ["Adding the two equations eliminates $b$: $4a = 16$.",
       "So $a = 4$.",
       "Substituting into $a - 2b = 0$ gives $4 - 2b = 0$, so $b = 2$.",
       "Therefore $a = 4$ and $b = 2$."], "(4, 2)", "(4, 2)")
clean("b4-ct18", "Solve $x^2 + 3x - 10 = 0$.",
      ["Factor the quadratic: $x^2 + 3x - 10 = (x - 2)(x + 5)$.",
       "So $(x - 2)(x + 5) = 0$, which means $x - 2 = 0$ or $x + 5 = 0$.",
       "Hence $x = 2$ or $x = -5$."], "x = 2 or x = -5", "-5, 2")
clean("b4-ct19", "The product of two consecutive positive integers is 132. What is the smaller integer?",
      ["Let the smaller integer be $n$. Then $n(n + 1) = 132$.",
       "Expanding gives $n^2 + n - 132 = 0$.",
       "Factoring: $(n - 11)(n + 12) = 0$, so $n = 11$ or $n = -12$.",
       "Case $n = -12$: this is negative, so we reject it.",
       "Case $n = 11$: the integers are 11 and 12, and $11 \\times 12 = 132$, which checks.",
       "The smaller integer is $\\boxed{11}$."], "11", "11")
clean("b4-ct20", "Two fair six-sided dice are rolled. What is the probability that the sum is 7?",
      ["There are 6 × 6 = 36 equally likely outcomes.",
       "A sum of 7 comes from (1,6), (2,5), (3,4), (4,3), (5,2) and (6,1).",
       "That is 6 favourable outcomes out of 36, so the probability is 6/36 = 1/6."], "1/6", "1/6")
clean("b4-c21", "A bag has 4 red balls and 6 blue balls. Two balls are drawn without replacement. What is the probability that both are red?",
      ["P(first ball red) = 4/10 = 2/5.",
       "Given that, 3 red balls remain among 9, so P(second red) = 3/9 = 1/3.",
       "P(both red) = 2/5 × 1/3 = 2/15."], "2/15", "2/15")
clean("b4-ct22", "Three friends split a $50 dinner bill equally. How much does each pay, to the nearest cent?",
      ["Each friend pays $50 ÷ 3 ≈ $16.67.",
       "(Rounded to the nearest cent; three payments of $16.67 come to one cent over.)",
       "Each friend pays about $16.67."], "16.67", "16.67")
clean("b4-ct23", "Tom was born in 1998. His sister is 7 years younger than him. How old is his sister at Tom's birthday in 2024?",
      ["At his birthday in 2024, Tom is 2024 - 1998 = 26 years old.",
       "His sister is 7 years younger: 26 - 7 = 19.",
       "So his sister is 19."], "19", "19")
clean("b4-ct24", "A shift runs from 9:30 am to 5:15 pm with a 45-minute unpaid lunch break. How many hours are worked?",
      ["From 9:30 am to 5:15 pm is 7 hours 45 minutes.",
       "In minutes that is 7 × 60 + 45 = 465 minutes.",
       "Subtracting the break: 465 - 45 = 420 minutes.",
       "420 / 60 = 7 hours worked."], "7", "7")
clean("b4-ct25", "How many integers are there from 15 to 83, inclusive?",
      ["Counting the 15th through the 83rd integer inclusive, the count is the difference plus one.",
       "83 - 15 + 1 = 69.",
       "There are 69 integers."], "69", "69")
clean("b4-ct26", "A car uses 8 L of fuel per 100 km. How many litres does it use on a 350 km trip?",
      ["Per kilometre it uses 8 / 100 = 0.08 L.",
       "For 350 km it uses 350 × 0.08 = 28 L.",
       "The trip uses 28 L of fuel."], "28", "28")
clean("b4-ct27", "Sam has 3 times as many stickers as Jo. Jo has 14 stickers. How many stickers do they have together?",
      ["Sam has 3 × 14 = 42 stickers.",
       "So Jo has 14 stickers and Sam has 42 stickers, as found above.",
       "Together they have 42 + 14 = 56 stickers."], "56", "56")
clean("b4-c28", "4 workers can build a wall in 9 days. How many days would 6 workers take, working at the same rate?",
      ["The total work is 4 × 9 = 36 worker-days.",
       "With 6 workers it takes 36 / 6 = 6 days."], "6", "6")
clean("b4-c29", "A town's population rose from 12,000 to 13,800. What was the percent increase?",
      ["The increase is 13,800 - 12,000 = 1,800 people.",
       "As a percent of the original: 1,800 / 12,000 = 0.15 = 15%.",
       "The population increased by 15%."], "15%", "15")
clean("b4-ct30", "A triangle has base 10 and height 7. What is its area?",
      ["The area of a triangle is",
       "\\[A = \\frac{1}{2} b h\\]",
       "Substituting $b = 10$ and $h = 7$:",
       "\\[A = \\frac{1}{2} \\times 10 \\times 7 = 35\\]",
       "So the area is $35$."], "35", "35")
clean("b4-ct31", "A cyclist rides at 18 km/h for 40 minutes. How far does she travel?",
      ["40 minutes = 40/60 hour = 2/3 hour.",
       "Distance = 18 × 2/3 = 12 km.",
       "She travels 12 km."], "12", "12")
clean("b4-ct32", "Solve $2x^2 - 7x + 3 = 0$.",
      ["We look for a factorisation: $2x^2 - 7x + 3 = (2x - 1)(x - 3)$.",
       "So $2x - 1 = 0$ or $x - 3 = 0$.",
       "Case 1: $2x - 1 = 0$ gives $x = \\frac{1}{2}$.",
       "Case 2: $x - 3 = 0$ gives $x = 3$.",
       "The solutions are $x = \\frac{1}{2}$ and $x = 3$."], "x = 1/2 or x = 3", "1/2, 3")
clean("b4-c33", "Solve $\\frac{x}{3} + 4 = 10$.",
      ["Subtract 4 from both sides: $\\frac{x}{3} = 6$.",
       "Multiply both sides by 3: $x = 18$."], "18", "18")
clean("b4-c34", "The sum of three consecutive integers is 93. What is the largest of them?",
      ["Let the integers be $n$, $n + 1$ and $n + 2$.",
       "Their sum is $3n + 3 = 93$.",
       "So $3n = 90$ and $n = 30$.",
       "The largest is $n + 2 = 32$."], "32", "32")
clean("b4-c35", "A store sold 40 shirts at $15 each and 60 shirts at $20 each. What was the average selling price per shirt?",
      ["Revenue from the cheaper shirts: 40 × $15 = $600.",
       "Revenue from the dearer shirts: 60 × $20 = $1,200.",
       "Total revenue: $600 + $1,200 = $1,800 for 40 + 60 = 100 shirts.",
       "Average price: $1,800 / 100 = $18."], "18", "18")
clean("b4-ct36", "Three fair coins are flipped. What is the probability of getting exactly two heads?",
      ["There are 2^3 = 8 equally likely outcomes.",
       "Exactly two heads: HHT, HTH, THH, so 3 favourable outcomes.",
       "3 favourable outcomes out of 8, so the probability is 3/8."], "3/8", "3/8")
clean("b4-c37", "Priya drives 60 miles to a lake at 30 mph and returns the same way at 60 mph. What is her average speed for the round trip?",
      ["Time going: 60 / 30 = 2 hours.",
       "Time returning: 60 / 60 = 1 hour.",
       "Total distance is 60 + 60 = 120 miles and total time is 2 + 1 = 3 hours.",
       "Average speed = 120 / 3 = 40 mph (not the simple average of 30 and 60)."], "40", "40")
clean("b4-c38", "If 5 pencils cost $1.35, how much do 12 pencils cost?",
      ["One pencil costs $1.35 / 5 = $0.27.",
       "Twelve pencils cost 12 × $0.27 = $3.24."], "3.24", "3.24")
clean("b4-ct39", "$5,000 is invested at 4% interest compounded annually. What is the balance after 3 years, to the nearest cent?",
      ["The compound interest formula is $A = P(1 + r)^t$.",
       "So $A = 5000(1.04)^3$.",
       "$1.04^3 = 1.124864$.",
       "$A = 5000 \\times 1.124864 = 5624.32$.",
       "The balance is $\\$5624.32$."], "5624.32", "5624.32")
clean("b4-ct40", "A rectangle has perimeter 34 m and length 12 m. What is its area?",
      ["The perimeter formula is $P = 2(l + w)$, so $34 = 2(12 + w)$.",
       "Dividing by 2: $17 = 12 + w$, so $w = 5$.",
       "The area is $12 \\times 5 = 60$ m^2."], "60", "60")
clean("b4-c41", "A baker made 144 cookies and packed them in boxes of 12. He sold 3/4 of the boxes at $6 per box. How much money did he make?",
      ["Step 1: Number of boxes = 144 / 12 = 12.",
       "Step 2: Boxes sold = 3/4 × 12 = 9.",
       "Step 3: Revenue = 9 × $6 = $54.",
       "Answer: $54"], "54", "54")
clean("b4-c42", "A phone plan costs $25 per month plus $0.10 per text message. In March, Ana sent 230 texts. What was her bill?",
      ["- Texts: 230 × $0.10 = $23",
       "- Base fee: $25",
       "- Total: $25 + $23 = $48",
       "Her March bill was **$48**."], "48", "48")
clean("b4-ct43", "Omar deposited $800 on January 1, 2020 in an account paying 6% simple interest per year. What was the balance on January 1, 2023?",
      ["From January 1, 2020 to January 1, 2023 is 3 years.",
       "Interest = 800 × 0.06 × 3 = $144.",
       "Balance = $800 + $144 = $944."], "944", "944")
clean("b4-c44", "A $50 item has its price raised by 20%, and then the new price is lowered by 20%. What is the final price?",
      ["After the increase the price is 50 × 1.2 = $60.",
       "After the decrease it is 60 × 0.8 = $48.",
       "So the final price is $48, less than the original."], "48", "48")
clean("b4-c45", "Adult tickets cost $8 and child tickets cost $5. A group bought 20 tickets for $127. How many adult tickets did they buy?",
      ["Let $a$ be the number of adult tickets and $c$ the number of child tickets.",
       "Then $a + c = 20$ and $8a + 5c = 127$.",
       "From the first equation, $c = 20 - a$.",
       "Substituting: $8a + 5(20 - a) = 127$, so $3a + 100 = 127$.",
       "$3a = 27$, so $a = 9$.",
       "Check: $c = 11$ and $8 \\times 9 + 5 \\times 11 = 72 + 55 = 127$."], "9", "9")
clean("b4-ct46", "A rectangle's length is 3 more than its width, and its area is 40 square units. Find the width.",
      ["Let the width be $w$, so the length is $w + 3$.",
       "Then $w(w + 3) = 40$, i.e. $w^2 + 3w - 40 = 0$.",
       "Factoring: $(w + 8)(w - 5) = 0$, so $w = -8$ or $w = 5$.",
       "A width cannot be negative, so $w = 5$ (and the length is 8)."], "5", "5")
clean("b4-c47", "Compute $\\frac{3}{4} + \\frac{5}{6}$.",
      ["The least common denominator is 12.",
       "$\\frac{3}{4} = \\frac{9}{12}$ and $\\frac{5}{6} = \\frac{10}{12}$.",
       "$\\frac{9}{12} + \\frac{10}{12} = \\frac{19}{12}$, which is $1\\frac{7}{12}$."], "19/12", "19/12")
clean("b4-ct48", "A board is 8 1/2 feet long. A piece 2 3/4 feet long is cut off. How long is the remaining piece?",
      ["$8\\frac{1}{2} - 2\\frac{3}{4} = \\frac{17}{2} - \\frac{11}{4}$.",
       "$\\frac{17}{2} - \\frac{11}{4} = \\frac{34}{4} - \\frac{11}{4} = \\frac{23}{4}$.",
       "That is $5\\frac{3}{4}$ feet."], "23/4", "5.75")
clean("b4-ct49", "Convert 72 km/h to metres per second.",
      ["1 km = 1000 m and 1 h = 3600 s.",
       "72 km/h = 72 × 1000 / 3600 m/s = 20 m/s."], "20", "20")
clean("b4-c50", "A card is drawn from a standard 52-card deck. What is the probability that it is a king or a heart?",
      ["There are 4 kings and 13 hearts.",
       "The king of hearts is counted twice, so the favourable cards number 4 + 13 - 1 = 16.",
       "The probability is 16/52 = 4/13."], "4/13", "4/13")
clean("b4-c51", "A fair die is rolled twice. What is the probability of getting at least one six?",
      ["P(no six in one roll) = 5/6.",
       "P(no six in two rolls) = 5/6 × 5/6 = 25/36.",
       "P(at least one six) = 1 - 25/36 = 11/36."], "11/36", "11/36")
clean("b4-c52", "Alice can paint a room in 4 hours and Bob can paint it in 6 hours. How long will it take them working together?",
      ["Alice paints 1/4 of the room per hour and Bob paints 1/6.",
       "Together: 1/4 + 1/6 = 3/12 + 2/12 = 5/12 of the room per hour.",
       "Time = 1 ÷ (5/12) = 12/5 = 2.4 hours."], "2.4", "12/5")
clean("b4-c53", "After a 25% discount, a coat costs $60. What was the original price?",
      ["Let $p$ be the original price.",
       "The sale price is 75% of the original, so $0.75p = 60$.",
       "Then $p = \\frac{60}{0.75} = 80$.",
       "The original price was $\\$80$."], "80", "80")
clean("b4-ct54", "A cylinder has radius 3 and height 10. Find its volume in terms of π.",
      ["The volume of a cylinder is $V = \\pi r^2 h$.",
       "$V = \\pi \\times 3^2 \\times 10 = 90\\pi$.",
       "So the volume is $\\boxed{90\\pi}$."], "90\\pi", "90\\pi")
clean("b4-c55", "Solve $4(x - 3) = 2x + 6$.",
      ["Expand the left side: $4x - 12 = 2x + 6$.",
       "Subtract $2x$ from both sides: $2x - 12 = 6$.",
       "Add 12: $2x = 18$.",
       "So $x = 9$."], "9", "9")
clean("b4-c56", "A father is 4 times as old as his son. In 20 years he will be twice as old as his son. How old is the son now?",
      ["Let the son's age be $s$; then the father's age is $4s$.",
       "In 20 years: $4s + 20 = 2(s + 20)$.",
       "Expanding: $4s + 20 = 2s + 40$.",
       "So $2s = 20$ and $s = 10$.",
       "The son is 10 years old now (the father is 40)."], "10", "10")
clean("b4-ct57", "A map has scale 1:50,000. Two towns are 6 cm apart on the map. How far apart are they in kilometres?",
      ["With scale 1:50,000, each map centimetre is 50,000 cm in reality.",
       "6 × 50,000 = 300,000 cm.",
       "300,000 cm = 3,000 m = 3 km.",
       "The towns are 3 km apart."], "3", "3")
clean("b4-ct58", "An item costs $47.99 and the sales tax is 8.25%. What is the total cost to the nearest cent?",
      ["Tax: $47.99 × 0.0825 = 3.959175 ≈ $3.96.",
       "Total: $47.99 + $3.96 = $51.95.",
       "The total is $51.95."], "51.95", "51.95")
clean("b4-c59", "$1,500 earns $180 in simple interest over 2 years. What is the annual interest rate?",
      ["Using $I = Prt$: $180 = 1500 \\times r \\times 2 = 3000r$.",
       "So $r = \\frac{180}{3000} = 0.06$, which is 6%."], "6%", "6")
clean("b4-c60", "Solve $x^2 - 6x + 9 = 0$.",
      ["Notice that $x^2 - 6x + 9 = (x - 3)^2$.",
       "So $(x - 3)^2 = 0$, giving $x - 3 = 0$.",
       "The only solution is $x = 3$ (a double root)."], "3", "3")
clean("b4-ct61", "Find all real solutions of $x^2 - 49 = 0$.",
      ["Difference of squares: $x^2 - 49 = (x - 7)(x + 7)$.",
       "So $x - 7 = 0$ or $x + 7 = 0$.",
       "If $x - 7 = 0$ then $x = 7$; if $x + 7 = 0$ then $x = -7$.",
       "The solutions are $x = 7$ and $x = -7$."], "x = 7 or x = -7", "-7, 7")
clean("b4-c62", "The average of five numbers is 12. When one number is removed, the average of the remaining four is 10. What number was removed?",
      ["Sum of all five: 5 × 12 = 60.",
       "Sum of the remaining four: 4 × 10 = 40.",
       "The removed number is 60 - 40 = 20."], "20", "20")
clean("b4-c63", "A committee of 2 is chosen at random from 5 people, 3 women and 2 men. What is the probability that both are women?",
      ["The number of possible pairs is 5 × 4 / 2 = 10.",
       "The number of pairs of women is 3 × 2 / 2 = 3.",
       "So the probability is 3/10."], "3/10", "3/10")
clean("b4-c64", "Kim earns $15 per hour. She works 6 hours each day Monday through Friday and 4 hours on Saturday. How much does she earn in a week?",
      ["Weekday hours: 5*6 = <<5*6=30>>30 hours.",
       "Total hours: 30+4 = <<30+4=34>>34 hours.",
       "Weekly pay: 34*15 = $<<34*15=510>>510.",
       "#### 510"], "510", "510")
clean("b4-ct65", "A water tank holds 3.5 gallons. How many quarts is that? (1 gallon = 4 quarts)",
      ["Since 1 gallon = 4 quarts, we multiply by 4.",
       "3.5 gallons = 3.5 × 4 quarts = 14 quarts."], "14", "14")
clean("b4-ct66", "A recipe uses flour and sugar in the ratio 5:2. If 350 g of flour is used, how much sugar is needed?",
      ["The ratio flour : sugar = 5:2, so sugar = 2/5 of the flour.",
       "Sugar = 2/5 × 350 = 140 g.",
       "So 140 g of sugar is needed."], "140", "140")

# ---------------------------------------------------------------- arithmetic-error
bad("b4-a01", "arithmetic-error", 0,
    "Jo buys 4 shirts at $12 each and a hat for $9. How much does she spend?",
    ["The shirts cost 4 × $12 = $46.",
     "Adding the hat: $46 + $9 = $55.",
     "Jo spends $55."], "55", "57")
bad("b4-a02", "arithmetic-error", 1,
    "A $240 bicycle is discounted by 15%. What is the sale price?",
    ["The discount is 15% of $240, which is 0.15 × 240 = $36.",
     "The sale price is $240 - $36 = $194.",
     "The answer is $194."], "194", "204")
bad("b4-a03", "arithmetic-error", 2,
    "A farmer has 120 acres. He plants 3/8 of the land with corn and 1/3 of the remaining land with wheat. How many acres of wheat does he plant?",
    ["3/8 of 120 = 45 acres of corn.",
     "Remaining land: 120 - 45 = 75 acres.",
     "1/3 of 75 = 35 acres of wheat.",
     "#### 35"], "35", "25")
bad("b4-a04", "arithmetic-error", 1,
    "A car drives for 3.5 hours at 64 mph. How far does it go?",
    ["Distance = speed × time.",
     "Distance = 64 × 3.5 = 214 miles.",
     "The car travels 214 miles."], "214", "224")
bad("b4-a05", "arithmetic-error", 0,
    "The noon temperatures over five days were 68, 72, 75, 71 and 69 degrees. What was the mean temperature?",
    ["Sum: 68 + 72 + 75 + 71 + 69 = 345.",
     "Mean: 345 / 5 = 69.",
     "The mean temperature was 69 degrees."], "69", "71")
bad("b4-a06", "arithmetic-error", 2,
    "Solve $7x + 4 = 3x + 32$.",
    ["Subtract $3x$ from both sides: $4x + 4 = 32$.",
     "Subtract 4 from both sides: $4x = 28$.",
     "Divide by 4: $x = 6$.",
     "So $x = \\boxed{6}$."], "6", "7")
bad("b4-a07", "arithmetic-error", 0,
    "Solve the system $2x + 3y = 22$ and $2x - y = 6$.",
    ["Subtracting the second equation from the first: $4y = 22 - 6 = 14$.",
     "So $y = \\frac{14}{4} = 3.5$.",
     "Then $2x - 3.5 = 6$, so $2x = 9.5$ and $x = 4.75$.",
     "The solution is $(4.75, 3.5)$."], "(4.75, 3.5)", "(5, 4)")
bad("b4-a08", "arithmetic-error", 2,
    "A 4 cm by 4 cm square is cut out of a 9 cm by 9 cm square sheet. What area remains?",
    ["Area of the big square: 9^2 = 81 cm^2.",
     "Area of the cut-out: 4^2 = 16 cm^2.",
     "Remaining area: 81 - 16 = 63 cm^2."], "63", "65")
bad("b4-a09", "arithmetic-error", 3,
    "$2,000 is invested at 5% compounded annually. What is the balance after 2 years?",
    ["We use $A = P(1 + r)^n$.",
     "$A = 2000(1.05)^2$.",
     "$1.05^2 = 1.1025$.",
     "$A = 2000 \\times 1.1025 = 2250$.",
     "The balance is $\\$2250$."], "2250", "2205")
bad("b4-a10", "arithmetic-error", 0,
    "Two fair dice are rolled. What is the probability that the sum is 8?",
    ["There are 6 × 6 = 32 possible outcomes.",
     "A sum of 8 arises from (2,6), (3,5), (4,4), (5,3), (6,2): 5 outcomes.",
     "So the probability is 5/32."], "5/32", "5/36")
bad("b4-a11", "arithmetic-error", 1,
    "A job takes 12 workers 15 days. How many days would 20 workers need at the same rate?",
    ["Total work: 12 × 15 = 180 worker-days.",
     "With 20 workers: 180 / 20 = 8 days."], "8", "9")
bad("b4-a12", "arithmetic-error", 1,
    "A rope 4.2 m long is cut into pieces 35 cm long. How many pieces are there?",
    ["Convert to centimetres: 4.2 m = 420 cm.",
     "Number of pieces: 420 / 35 = 14.",
     "There are 14 pieces."], "14", "12")
bad("b4-a13", "arithmetic-error", 1,
    "Nia walked 1 3/4 miles on Monday and 2 1/2 miles on Tuesday. How far did she walk in total?",
    ["Convert: 1 3/4 = 7/4 and 2 1/2 = 5/2 = 10/4.",
     "Sum: 7/4 + 10/4 = 15/4.",
     "15/4 = 3 3/4 miles."], "15/4", "17/4")
bad("b4-a14", "arithmetic-error", 1,
    "The ratio of boys to girls in a school club is 5:7. There are 84 members. How many are girls?",
    ["Total parts: 5 + 7 = 12.",
     "One part: 84 / 12 = 6 members.",
     "Girls: 7 × 6 = 42."], "42", "49")
bad("b4-a15", "arithmetic-error", 3,
    "Pat buys 6 packs of gum at $1.25 each and 2 drinks at $2.40 each, paying with a $20 bill. How much change does Pat get?",
    ["Gum: 6*1.25 = $<<6*1.25=7.5>>7.50.",
     "Drinks: 2*2.40 = $<<2*2.40=4.8>>4.80.",
     "Total: 7.50+4.80 = $<<7.50+4.80=12.3>>12.30.",
     "Change: 20-12.30 = $<<20-12.30=8.7>>8.70.",
     "#### 8.70"], "8.70", "7.70")
bad("b4-a16", "arithmetic-error", 0,
    "Dana's salary of $52,000 is raised by 4%. What is her new salary?",
    ["The raise is 0.04 × 52,000 = $2,280.",
     "Her new salary is $52,000 + $2,280 = $54,280."], "54280", "54080")

# ---------------------------------------------------------------- invalid-transformation
bad("b4-i01", "invalid-transformation", 0,
    "Solve $3x + 5 = 20$.",
    ["Move the 5 to the right-hand side: $3x = 20 + 5$.",
     "So $3x = 25$.",
     "$x = \\frac{25}{3}$."], "25/3", "5")
bad("b4-i02", "invalid-transformation", 1,
    "Two fifths of a number is 14. What is the number?",
    ["Let the number be $m$. Then $\\frac{2}{5}m = 14$.",
     "Isolating $m$: $m = 14 \\times \\frac{2}{5}$.",
     "$m = \\frac{28}{5} = 5.6$."], "5.6", "35")
bad("b4-i03", "invalid-transformation", 0,
    "Solve $2(x + 4) = 18$.",
    ["Distribute: $2x + 4 = 18$.",
     "Subtract 4: $2x = 14$.",
     "Divide by 2: $x = 7$."], "7", "5")
bad("b4-i04", "invalid-transformation", 1,
    "Simplify $\\frac{x^2 - 25}{x + 5}$ and evaluate it at $x = 8$.",
    ["Factor the numerator: $\\frac{x^2 - 25}{x + 5} = \\frac{(x - 5)(x + 5)}{x + 5}$.",
     "Cancelling the common factor: $\\frac{(x - 5)(x + 5)}{x + 5} = x + 5$.",
     "At $x = 8$ this is $8 + 5 = 13$."], "13", "3")
bad("b4-i05", "invalid-transformation", 0,
    "Solve $(x + 3)^2 - x^2 = 33$.",
    ["Expand: $(x + 3)^2 - x^2 = x^2 + 3x + 9 - x^2$.",
     "So $3x + 9 = 33$.",
     "Then $3x = 24$ and $x = 8$."], "8", "4")
bad("b4-i06", "invalid-transformation", 0,
    "Solve $4x + 8 = 28$.",
    ["Divide both sides by 4: $x + 8 = 7$.",
     "Subtract 8: $x = -1$."], "-1", "5")
bad("b4-i07", "invalid-transformation", 0,
    "Solve the system $2x + y = 13$ and $x + 3y = 14$ by substitution.",
    ["From the first equation, $y = 2x - 13$.",
     "Substitute into the second: $x + 3(2x - 13) = 14$.",
     "So $7x - 39 = 14$, giving $7x = 53$ and $x = \\frac{53}{7}$.",
     "Then $y = 2 \\cdot \\frac{53}{7} - 13 = \\frac{106}{7} - \\frac{91}{7} = \\frac{15}{7}$.",
     "The solution is $\\left(\\frac{53}{7}, \\frac{15}{7}\\right)$."], "(53/7, 15/7)", "(5, 3)")
bad("b4-i08", "invalid-transformation", 1,
    "Solve $\\frac{x}{3} + 2 = 8$.",
    ["We want to clear the fraction.",
     "Multiply both sides by 3: $x + 2 = 24$.",
     "Subtract 2: $x = 22$."], "22", "18")
bad("b4-i09", "invalid-transformation", 0,
    "Find all solutions of $x^2 = 5x$.",
    ["Divide both sides by $x$: $x = 5$.",
     "So the only solution is $x = 5$."], "5", "0, 5")
bad("b4-i10", "invalid-transformation", 0,
    "Solve $x^2 + 2x - 15 = 0$.",
    ["Factor: $x^2 + 2x - 15 = (x + 5)(x + 3)$.",
     "So $x + 5 = 0$ or $x + 3 = 0$.",
     "Therefore $x = -5$ or $x = -3$."], "x = -5 or x = -3", "-5, 3")
bad("b4-i11", "invalid-transformation", 2,
    "After a 20% increase, a price is $96. What was the price before the increase?",
    ["Let $p$ be the original price.",
     "Then $1.2p = 96$.",
     "So $p = 96 \\times 1.2$.",
     "$p = 115.2$, so the original price was $115.20."], "115.20", "80")
bad("b4-i12", "invalid-transformation", 0,
    "Solve $5 - 2x = 11$.",
    ["Move 5 to the right: $-2x = 11 + 5$.",
     "So $-2x = 16$.",
     "Dividing by $-2$: $x = -8$."], "-8", "-3")
bad("b4-i13", "invalid-transformation", 0,
    "Solve $\\frac{1}{x} + \\frac{1}{2x} = \\frac{1}{4}$.",
    ["Combine the fractions on the left: $\\frac{1}{x} + \\frac{1}{2x} = \\frac{2}{3x}$.",
     "So $\\frac{2}{3x} = \\frac{1}{4}$.",
     "Cross-multiplying: $3x = 8$.",
     "$x = \\frac{8}{3}$."], "8/3", "6")
bad("b4-i14", "invalid-transformation", 0,
    "Solve $x^2 + 9 = 25$ for positive $x$.",
    ["Take the square root of both sides: $x + 3 = 5$.",
     "So $x = 2$."], "2", "4")
bad("b4-i15", "invalid-transformation", 2,
    "A rectangle's length is 3 times its width and its area is 48 square units. Find the width.",
    ["Let the width be $w$, so the length is $3w$.",
     "Area: $3w \\cdot w = 48$, so $3w^2 = 48$.",
     "Then $w^2 = 48 \\cdot 3 = 144$.",
     "So $w = 12$ (taking the positive root)."], "12", "4")
bad("b4-i16", "invalid-transformation", 0,
    "Solve $3(x - 2) - (x + 4) = 10$.",
    ["Remove the brackets: $3x - 6 - x + 4 = 10$.",
     "Combine like terms: $2x - 2 = 10$.",
     "So $2x = 12$ and $x = 6$."], "6", "10")

# ---------------------------------------------------------------- undefined-variable
bad("b4-u01", "undefined-variable", 3,
    "Ann is 4 years older than Ben. The sum of their ages is 30. How old is Ann?",
    ["Let $b$ be Ben's age, so Ann's age is $b + 4$.",
     "Then $b + (b + 4) = 30$, so $2b + 4 = 30$.",
     "$2b = 26$, so $b = 13$.",
     "Ann's age is $b + k = 13 + 6 = 19$.",
     "Ann is 19."], "19", "17")
bad("b4-u02", "undefined-variable", 1,
    "A cyclist rides 45 km at a steady 15 km/h. How long does the ride take?",
    ["Time = distance ÷ speed.",
     "$t = \\frac{45}{15} + w = 3 + 2 = 5$.",
     "The ride takes 5 hours."], "5", "3")
bad("b4-u03", "undefined-variable", 1,
    "Mia has 3 boxes of 12 crayons and gives 8 crayons to her brother. How many crayons does she have left?",
    ["She starts with 3 × 12 = 36 crayons.",
     "After giving some away she has 36 - 8 + q = 28 + 5 = 33 crayons.",
     "#### 33"], "33", "28")
bad("b4-u04", "undefined-variable", 3,
    "A rectangle's length is 5 more than its width, and its perimeter is 38. What is its area?",
    ["Let $w$ be the width; the length is $w + 5$.",
     "Perimeter: $2(w + w + 5) = 38$, so $4w + 10 = 38$.",
     "$4w = 28$, so $w = 7$.",
     "The length is $w + z = 7 + 6 = 13$.",
     "Area $= 7 \\times 13 = 91$."], "91", "84")
bad("b4-u05", "undefined-variable", 2,
    "Solve the system $x + y = 9$ and $x - y = 3$.",
    ["Adding the equations: $2x = 12$.",
     "So $x = 6$.",
     "Then $y = 9 - x + z = 9 - 6 + 2 = 5$.",
     "The solution is $(6, 5)$."], "(6, 5)", "(6, 3)")
bad("b4-u06", "undefined-variable", 1,
    "What is the simple interest on $600 at 4% per year for 5 years?",
    ["Simple interest is principal × rate × time.",
     "$I = 600 \\times 0.04 \\times 5 - c = 120 - 48 = 72$.",
     "The interest is $72."], "72", "120")
bad("b4-u07", "undefined-variable", 1,
    "A bag has 5 red, 3 green and 2 yellow marbles. One marble is drawn at random. What is the probability it is green?",
    ["Total marbles: 5 + 3 + 2 = 10.",
     "P(green) = 3/(10 + m) = 3/12 = 1/4.",
     "The probability is 1/4."], "1/4", "3/10")
bad("b4-u08", "undefined-variable", 2,
    "Four pens and a $3 eraser cost $15 in total. A notebook costs twice as much as a pen. How much do one pen and one notebook cost together?",
    ["Let $p$ be the price of one pen.",
     "$4p + 3 = 15$, so $4p = 12$ and $p = 3$.",
     "A notebook costs $2p + q = 6 + 2 = 8$ dollars.",
     "Together: $3 + 8 = 11$ dollars."], "11", "9")
bad("b4-u09", "undefined-variable", 1,
    "An inlet pipe fills a pool in 5 hours, and a drain empties the full pool in 20 hours. With both open, how long does it take to fill the empty pool?",
    ["The inlet fills 1/5 of the pool per hour and the drain removes 1/20 per hour.",
     "Net rate: $\\frac{1}{5} - \\frac{1}{20} - e = \\frac{3}{20} - \\frac{1}{20} = \\frac{1}{10}$ of the pool per hour.",
     "Time to fill: $1 \\div \\frac{1}{10} = 10$ hours."], "10", "20/3")
bad("b4-u10", "undefined-variable", 1,
    "Using π ≈ 22/7, find the circumference of a circle with diameter 14 cm.",
    ["The circumference is $C = \\pi d$.",
     "$C = \\frac{22}{7} \\times 14 + j = 44 + 22 = 66$.",
     "The circumference is about 66 cm."], "66", "44")
bad("b4-u11", "undefined-variable", 1,
    "Liam saves $35 a week for 8 weeks and then spends $95 on a game. How much does he have left?",
    ["He saves 35 × 8 = $280.",
     "After the game he has 280 - 95 - f = 185 - 15 = $170.",
     "Liam has $170 left."], "170", "185")
bad("b4-u12", "undefined-variable", 0,
    "Each concert ticket costs $12, and Rosa buys 5 tickets. How much does she pay?",
    ["Total cost = 12 × 5 + s = 60 + 12 = $72.",
     "Rosa pays $72."], "72", "60")
bad("b4-u13", "undefined-variable", 3,
    "Let $x$ be a number such that $5x - 3 = 32$. What is $2x + 1$?",
    ["Add 3 to both sides: $5x = 35$.",
     "Divide by 5: $x = 7$.",
     "Now compute $2x + 1$.",
     "$2x + 1 = 2(7) + 1 + y = 15 + 2 = 17$.",
     "So $2x + 1 = 17$."], "17", "15")
bad("b4-u14", "undefined-variable", 2,
    "A train travels at 80 km/h for 2.5 hours. What distance does it cover?",
    ["Distance = speed × time.",
     "Speed is 80 km/h and the time is 2.5 hours.",
     "$d = 80 \\times 2.5 \\times c = 200 \\times 1.1 = 220$ km.",
     "The train covers 220 km."], "220", "200")
bad("b4-u15", "undefined-variable", 2,
    "Adult tickets cost $9 and student tickets $6. A class bought 30 tickets, 10 of them adult tickets. What was the total cost?",
    ["Adult tickets: 10 × $9 = $90.",
     "Student tickets: 30 - 10 = 20 tickets.",
     "Student cost: $6 × 20 - d = $120 - $20 = $100.",
     "Total: $90 + $100 = $190."], "190", "210")
bad("b4-u16", "undefined-variable", 2,
    "Let the numbers be $a$ and $b$ with $a + b = 20$ and $a - b = 4$. Find $ab$.",
    ["Adding the equations: $2a = 24$, so $a = 12$.",
     "Then $b = 20 - 12 = 8$.",
     "$ab = 12 \\times (8 + g) = 12 \\times 9 = 108$.",
     "So $ab = 108$."], "108", "96")

# ---------------------------------------------------------------- inconsistent-step
bad("b4-n01", "inconsistent-step", 1,
    "Sara has 3 times as many books as Tim, who has 15 books. Together they donate 10 books. How many books do they have left?",
    ["Sara has 3 × 15 = 45 books.",
     "Together they have 48 books + 15 books = 63 books.",
     "After donating: 63 - 10 = 53 books."], "53", "50")
bad("b4-n02", "inconsistent-step", 2,
    "Twice a number plus 6 is 20. What is three times the number plus 1?",
    ["Let $x$ be the number, so $2x + 6 = 20$.",
     "$2x = 14$, so $x = 7$.",
     "Then $3x + 1 = 3 \\cdot 9 + 1 = 28$."], "28", "22")
bad("b4-n03", "inconsistent-step", 3,
    "A father is 3 times as old as his son, and their ages add up to 48. How old will the son be in 6 years?",
    ["Let $s$ be the son's age; the father is $3s$.",
     "$s + 3s = 48$, so $4s = 48$.",
     "$s = 12$.",
     "In 6 years the son will be $s + 6 = 14 + 6 = 20$."], "20", "18")
bad("b4-n04", "inconsistent-step", 1,
    "Emma had $75. She spent $23 on shoes and then $14 on a scarf. How much does she have left?",
    ["After the shoes: $75 - $23 = $52.",
     "After the scarf: $55 - $14 = $41.",
     "Emma has $41 left."], "41", "38")
bad("b4-n05", "inconsistent-step", 3,
    "If $x + y = 14$ and $x - y = 2$, what is $xy$?",
    ["Adding the equations: $2x = 16$, so $x = 8$.",
     "Then $y = 14 - 8 = 6$.",
     "We need the product $xy$.",
     "$xy = 9 \\cdot 6 = 54$."], "54", "48")
bad("b4-n06", "inconsistent-step", 1,
    "A rectangle is 15 m long and 8 m wide. What is its area?",
    ["Its perimeter would be 2(15 + 8) = 46 m, but we need the area.",
     "Area = length × width = 15 × 6 = 90 m^2.",
     "The area is 90 square metres."], "90", "120")
bad("b4-n07", "inconsistent-step", 1,
    "A car travels 150 km in 2.5 hours. At the same speed, how far does it travel in 4 hours?",
    ["Speed = 150 / 2.5 = 60 km/h.",
     "In 4 hours at 65 km/h it travels 65 × 4 = 260 km.",
     "The car travels 260 km."], "260", "240")
bad("b4-n08", "inconsistent-step", 2,
    "A $120 jacket is discounted by 25%, and then 10% sales tax is added to the sale price. What is the final price?",
    ["Discount: 0.25 × $120 = $30.",
     "Sale price: $120 - $30 = $90.",
     "Tax on the sale price of $95: 0.10 × $95 = $9.50.",
     "Final price: $95 + $9.50 = $104.50."], "104.50", "99")
bad("b4-n09", "inconsistent-step", 2,
    "Find the positive solution of $x^2 - x - 12 = 0$ and give its square.",
    ["Factor: $x^2 - x - 12 = (x - 4)(x + 3)$.",
     "So $x = 4$ or $x = -3$.",
     "The positive solution is $x = 3$.",
     "Its square is $3^2 = 9$."], "9", "16")
bad("b4-n10", "inconsistent-step", 1,
    "Five test scores are 70, 85, 90, 75 and 80. What is the mean score?",
    ["The scores add up to 70 + 85 + 90 + 75 + 80 = 400 points.",
     "The mean is 410 points / 5 = 82 points.",
     "The mean score is 82."], "82", "80")
bad("b4-n11", "inconsistent-step", 1,
    "8 people can paint a fence in 6 hours. How long would 12 people take at the same rate?",
    ["Total work: 8 × 6 = 48 person-hours.",
     "With 12 people: 36 person-hours / 12 = 3 hours.",
     "It would take 3 hours."], "3", "4")
bad("b4-n12", "inconsistent-step", 2,
    "A pizza has 12 slices. Ava eats 1/4 of it and Ben eats 1/3 of it. How many slices are left?",
    ["Ava eats 1/4 of 12 = 3 slices.",
     "Ben eats 1/3 of 12 = 4 slices.",
     "Ben ate 5 slices, so 12 - 3 - 5 = 4 slices are left."], "4", "5")
bad("b4-n13", "inconsistent-step", 2,
    "$3,000 is deposited at 6% simple interest for 4 years. What is the total amount at the end?",
    ["Using $I = Prt$:",
     "$I = 3000 \\times 0.06 \\times 4 = 720$ dollars.",
     "The interest is 750 dollars, so the total is $3000 + 750 = 3750$ dollars."], "3750", "3720")
bad("b4-n14", "inconsistent-step", 2,
    "Solve the system $3x + 2y = 18$ and $x - 2y = 2$.",
    ["Adding the two equations: $4x = 20$.",
     "So $x = 5$.",
     "Substituting $x = 4$ into the second equation: $4 - 2y = 2$, so $2y = 2$ and $y = 1$.",
     "The solution is $(5, 1)$."], "(5, 1)", "(5, 1.5)")
bad("b4-n15", "inconsistent-step", 2,
    "A bag has 6 red and 4 blue balls. Two balls are drawn with replacement. What is the probability both are red?",
    ["There are 6 + 4 = 10 balls.",
     "P(red) = 6/10 = 3/5 on each draw.",
     "Since P(red) = 2/5, P(both red) = 2/5 × 2/5 = 4/25."], "4/25", "9/25")
bad("b4-n16", "inconsistent-step", 2,
    "Sam walks 3.2 km to school and back every day for 5 days. How many metres does he walk in total?",
    ["One way: 3.2 km = 3200 m.",
     "Round trip: 2 × 3200 = 6400 m.",
     "Five days: 5 × 6000 = 30000 m.",
     "Sam walks 30,000 m."], "30000", "32000")


# ---------------------------------------------------------------- checker
def _norm(s):
    s = s.replace("\\left", "").replace("\\right", "").replace("\\,", "")
    s = re.sub(r"(\d)\\frac\{(\d+)\}\{(\d+)\}", r"(\1+\2/\3)", s)
    s = re.sub(r"\\d?frac\{([^{}]*)\}\{([^{}]*)\}", r"((\1)/(\2))", s)
    s = re.sub(r"\\sqrt\{([^{}]*)\}", r"((\1)**0.5)", s)
    s = s.replace("\\times", "*").replace("\\cdot", "*").replace("×", "*").replace("\\div", "/").replace("÷", "/")
    s = s.replace("\\$", "").replace("$", "").replace("\\[", " ").replace("\\]", " ")
    s = re.sub(r"(?<=\d),(?=\d{3})", "", s)
    s = re.sub(r"(?<![\d.*/])(\d+) (\d+)/(\d+)", r"(\1+\2/\3)", s)
    s = s.replace("^", "**")
    s = re.sub(r"(\d)\(", r"\1*(", s)
    return s


def _val(e):
    e = e.strip()
    if not e or not re.fullmatch(r"[\d.+\-*/() ]+", e) or not re.search(r"\d", e):
        return None
    e2 = re.sub(r"(\d+\.?\d*)", r"Fraction('\1')", e)
    try:
        v = eval(e2, {"Fraction": Fraction})  # our own literal strings only
    except Exception:
        return None
    return Fraction(v) if not isinstance(v, float) else Fraction(v).limit_denominator(10**6)


def check_step(step):
    problems = []
    for expr, val in re.findall(r"<<([^=>]+)=([^>]+)>>", step):
        a, b = _val(_norm(expr)), _val(_norm(val))
        if a is not None and b is not None and a != b:
            problems.append(f"<<{expr}={val}>>")
    s = re.sub(r"<<[^>]*>>", " ", step)
    s = _norm(s)
    for seg in re.split(r"[,;:]\s|≈|\bso\b|\band\b|\bor\b", s):
        parts = [p for p in seg.split("=")]
        if len(parts) < 2:
            continue
        vals = []
        for p in parts:
            m = re.findall(r"[\d.+\-*/() ]*\d[\d.+\-*/() ]*", p)
            vals.append(_val(m[-1] if p is parts[0] and m else (m[0] if m else "")) if m else None)
        known = [(p, v) for p, v in zip(parts, vals) if v is not None]
        for (p1, v1), (p2, v2) in zip(known, known[1:]):
            if abs(v1 - v2) > Fraction(1, 10**6) * max(1, abs(v1)):
                problems.append(f"{p1.strip()} = {p2.strip()}")
    return problems


def main():
    ids = set()
    lines = []
    for id_, problem, steps, final, ref, k, label in R:
        assert id_ not in ids, id_
        ids.add(id_)
        assert -1 <= k < len(steps), id_
        lines.append(json.dumps({"id": id_, "problem": problem, "steps": steps, "final_answer": final,
                                 "reference_answer": ref,
                                 "_label": {"first_error_step": k, "label": label}}, ensure_ascii=False))
    if "--check" in sys.argv:
        for id_, problem, steps, final, ref, k, label in R:
            for i, st in enumerate(steps):
                p = check_step(st)
                if p:
                    tag = "ERRSTEP" if i == k else ("AFTER" if k != -1 and i > k else "!!")
                    print(f"{tag} {id_} step {i}: {p}")
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    from collections import Counter
    print(len(lines), dict(Counter(r[6] for r in R)))


if __name__ == "__main__":
    main()
