#!/usr/bin/env python3
"""Blind fixture set for `vouch math-eval`: fixtures/math/blind.jsonl.

Written by hand, independently of the evaluator's code and of the other math
fixtures (only the README's "Math evaluator" section was read). Natural-language
step-by-step solutions in GSM8K / MATH style: clean ones (a block of them chosen
to trip a precision-first checker: years, clock times, ranges, phone numbers,
ordinals, "Step 2:", "1)", "1 dozen = 12", rounding to cents, "about"/≈) and
ones with exactly one injected error (arithmetic-error, invalid-transformation,
undefined-variable, inconsistent-step); after the error the solution continues
naturally from the wrong value.

Deterministic: no randomness, records are emitted in the order written.
Each record carries `_label: {"first_error_step": k, "label": ...}` (k 0-based);
clean records carry `{"first_error_step": -1, "label": "correct"}`.

Run: /usr/bin/python3 scripts/make-math-blind.py
"""
import json
import os

RECORDS = []


def rec(rid, problem, steps, final, ref, label="correct", first=-1):
    assert (label == "correct") == (first == -1), rid
    assert first < len(steps), rid
    RECORDS.append({
        "id": rid,
        "problem": problem,
        "steps": steps,
        "final_answer": final,
        "reference_answer": ref,
        "_label": {"first_error_step": first, "label": label},
    })


# ---------------------------------------------------------------------------
# Clean solutions (regular)
# ---------------------------------------------------------------------------
rec("blind-c01",
    "Pipe A can fill a tank in 6 hours and pipe B can fill it in 3 hours. How many hours does it take to fill the tank with both pipes open?",
    [r"Pipe A fills $\frac{1}{6}$ of the tank per hour and pipe B fills $\frac{1}{3}$ of the tank per hour.",
     r"Working together they fill $\frac{1}{6} + \frac{1}{3} = \frac{1}{6} + \frac{2}{6} = \frac{3}{6} = \frac{1}{2}$ of the tank per hour.",
     r"So the time needed is $1 \div \frac{1}{2} = 2$ hours.",
     r"The answer is $\boxed{2}$ hours."],
    "2 hours", "2")

rec("blind-c02",
    "Carla deposits $2,500 in an account that pays 4% simple interest per year. How much money is in the account after 3 years?",
    ["Each year the account earns 4% of $2,500, which is 0.04 × 2,500 = $100.",
     "Over 3 years the interest is 3 × $100 = $300.",
     "So the balance after 3 years is $2,500 + $300 = $2,800.",
     "#### 2800"],
    "$2,800", "2800")

rec("blind-c03",
    "Tom buys 3 packs of pens at $4.50 each and 2 notebooks at $2.75 each. He pays with a $20 bill. How much change does he get?",
    ["He buys 3 packs at $4.50 each, so 3 × 4.50 = $13.50.",
     "The notebooks cost 2 × 2.75 = $5.50.",
     "Altogether he spends $13.50 + $5.50 = $19.00.",
     "His change is $20 - $19.00 = $1.00.",
     "#### 1"],
    "$1.00", "1")

rec("blind-c04",
    "A drama club sells tickets for $5 each and also receives a $20 donation. In total the club collects $95. How many tickets did it sell?",
    [r"Let $n$ be the number of tickets sold.",
     r"The money collected is $5n + 20$, so $5n + 20 = 95$.",
     r"Subtracting 20 from both sides gives $5n = 75$.",
     r"Dividing by 5, $n = 15$.",
     "The club sold 15 tickets."],
    "15", "15")

rec("blind-c05",
    "Maria is 4 times as old as her son. In 20 years she will be twice as old as her son. How old is her son now?",
    [r"Let $s$ be the son's current age, so Maria is $4s$ years old.",
     r"In 20 years their ages will be $4s + 20$ and $s + 20$, so $4s + 20 = 2(s + 20)$.",
     r"Expanding the right side: $4s + 20 = 2s + 40$.",
     r"Subtracting $2s$ and 20 from both sides gives $2s = 20$, so $s = 10$.",
     r"Check: Maria is $4 \cdot 10 = 40$; in 20 years she is 60 and her son is 30, and $60 = 2 \cdot 30$.",
     r"The son is $\boxed{10}$ years old."],
    "10", "10")

rec("blind-c06",
    "A chemist mixes 10 liters of a 30% acid solution with 15 liters of a 50% acid solution. What is the acid concentration of the mixture?",
    ["The first solution contains 0.30 × 10 = 3 liters of acid.",
     "The second solution contains 0.50 × 15 = 7.5 liters of acid.",
     "Together there are 3 + 7.5 = 10.5 liters of acid in 10 + 15 = 25 liters of mixture.",
     "The concentration is 10.5 / 25 = 0.42, which is 42%.",
     "The answer is 42%."],
    "42%", "42\\%")

rec("blind-c07",
    "What is the area of a circle with radius 5 cm? Express your answer in terms of $\\pi$.",
    [r"The area is $A = \pi r^2$.",
     r"With $r = 5$, $A = \pi \cdot 5^2 = 25\pi$ square centimeters.",
     r"Numerically this is about $78.54$ cm$^2$, but in terms of $\pi$ the area is $\boxed{25\pi}$."],
    "25\\pi", "25\\pi")

rec("blind-c08",
    "Jenna's test scores are 82, 90, 75, 88 and 95. What is her average score?",
    ["First add the scores: 82 + 90 + 75 + 88 + 95 = 430.",
     "There are 5 tests, so the average is 430 / 5 = 86.",
     "#### 86"],
    "86", "86")

rec("blind-c09",
    "A recipe uses 2 1/4 cups of flour to make 12 cookies. How many cups of flour are needed for 36 cookies?",
    ["36 cookies is 36 ÷ 12 = 3 times the recipe.",
     "So the flour needed is 3 × 2 1/4 = 6 3/4 cups.",
     "The answer is 6 3/4 cups."],
    "6 3/4", "27/4")

rec("blind-c10",
    "Dev earns $3,200 a month. He spends 35% on rent, $450 on food and $300 on transportation. How much is left?",
    ["Rent is 35% of $3,200, which is 0.35 × 3,200 = $1,120.",
     "His total spending is $1,120 + $450 + $300 = $1,870.",
     "What is left is $3,200 - $1,870 = $1,330.",
     "#### 1330"],
    "$1,330", "1330")

rec("blind-c11",
    "The sum of two numbers is 12 and their difference is 4. What is the larger number?",
    [r"Let the numbers be $x$ and $y$ with $x > y$. Then $x + y = 12$ and $x - y = 4$.",
     r"Adding the two equations gives $2x = 16$, so $x = 8$.",
     r"Then $y = 12 - 8 = 4$.",
     r"The larger number is $\boxed{8}$."],
    "8", "8")

rec("blind-c12",
    "Solve $x^2 - 5x + 6 = 0$.",
    [r"We look for two numbers whose product is 6 and whose sum is $-5$: these are $-2$ and $-3$.",
     r"So $x^2 - 5x + 6 = (x - 2)(x - 3)$.",
     r"Setting $(x - 2)(x - 3) = 0$ gives $x = 2$ or $x = 3$.",
     r"The solutions are $\boxed{x = 2 \text{ or } x = 3}$."],
    "x = 2 or x = 3", "x = 2 or x = 3")

rec("blind-c13",
    "A car travels at 72 km/h. What is its speed in meters per second?",
    ["72 km is 72 × 1,000 = 72,000 meters, and 1 hour is 60 × 60 = 3,600 seconds.",
     "So the speed is 72,000 / 3,600 = 20 meters per second.",
     "The answer is 20 m/s."],
    "20", "20")

rec("blind-c14",
    "A bag contains 4 red and 6 blue marbles. Two marbles are drawn without replacement. What is the probability that both are red?",
    [r"There are $4 + 6 = 10$ marbles in total.",
     r"The probability that the first marble is red is $\frac{4}{10}$.",
     r"After one red marble is removed, 3 of the remaining 9 are red, so the second draw is red with probability $\frac{3}{9}$.",
     r"The probability that both are red is $\frac{4}{10} \cdot \frac{3}{9} = \frac{12}{90} = \frac{2}{15}$.",
     r"The answer is $\boxed{\frac{2}{15}}$."],
    "\\frac{2}{15}", "\\frac{2}{15}")

rec("blind-c15",
    "A jacket costs $80. It is on sale for 25% off, and then 8% sales tax is added to the sale price. What is the final price?",
    ["The discount is 25% of $80, which is 0.25 × 80 = $20.",
     "The sale price is $80 - $20 = $60.",
     "The tax is 8% of $60: 0.08 × 60 = $4.80.",
     "The final price is $60 + $4.80 = $64.80.",
     "#### 64.80"],
    "$64.80", "64.80")

rec("blind-c16",
    "In a class of 60 students, 2/5 play soccer. One third of the remaining students play basketball. How many students play neither?",
    [r"The number who play soccer is $\frac{2}{5} \cdot 60 = 24$.",
     r"That leaves $60 - 24 = 36$ students.",
     r"Of these, $\frac{1}{3} \cdot 36 = 12$ play basketball.",
     r"So $36 - 12 = 24$ students play neither sport.",
     r"The answer is $\boxed{24}$."],
    "24", "24")

rec("blind-c17",
    "The length of a rectangle is 3 cm more than twice its width, and its perimeter is 54 cm. What is its area?",
    [r"Let $w$ be the width in cm. Then the length is $2w + 3$.",
     r"The perimeter is $2(w + 2w + 3) = 54$, so $2(3w + 3) = 54$, which gives $6w + 6 = 54$.",
     r"Then $6w = 48$ and $w = 8$.",
     r"The length is $2 \cdot 8 + 3 = 19$ cm.",
     r"The area is $8 \times 19 = 152$ cm$^2$.",
     r"The answer is $\boxed{152}$."],
    "152", "152")

rec("blind-c18",
    "Ravi invests $1,000 at 10% interest compounded annually. How much interest has he earned after 2 years?",
    ["After the first year he has $1,000 × 1.1 = $1,100.",
     "After the second year he has $1,100 × 1.1 = $1,210.",
     "The interest earned is $1,210 - $1,000 = $210.",
     "#### 210"],
    "$210", "210")

rec("blind-c19",
    "A train travels 240 miles at 60 mph and then 180 miles at 45 mph. What is its average speed for the whole trip?",
    ["The first part takes 240 / 60 = 4 hours.",
     "The second part takes 180 / 45 = 4 hours.",
     "The total distance is 240 + 180 = 420 miles and the total time is 4 + 4 = 8 hours.",
     "The average speed is 420 / 8 = 52.5 mph.",
     "#### 52.5"],
    "52.5 mph", "52.5")

rec("blind-c20",
    "6 workers can build a wall in 10 days. How many days would 15 workers take, working at the same rate?",
    ["The job takes 6 × 10 = 60 worker-days.",
     "With 15 workers it takes 60 / 15 = 4 days.",
     "The answer is 4 days."],
    "4", "4")

rec("blind-c21",
    "A right triangle has legs of length 9 and 12. How long is the hypotenuse?",
    [r"By the Pythagorean theorem, $c = \sqrt{9^2 + 12^2}$.",
     r"Compute: $\sqrt{9^2 + 12^2} = \sqrt{81 + 144} = \sqrt{225} = 15$.",
     r"The hypotenuse is $\boxed{15}$."],
    "15", "15")

rec("blind-c22",
    "Three consecutive integers add up to 72. What is the largest of them?",
    [r"Let the integers be $n$, $n + 1$ and $n + 2$.",
     r"Their sum is $n + (n + 1) + (n + 2) = 3n + 3$, so $3n + 3 = 72$.",
     r"Then $3n = 69$ and $n = 23$.",
     r"The largest integer is $n + 2 = 25$.",
     r"The answer is $\boxed{25}$."],
    "25", "25")

rec("blind-c23",
    "A jar holds 30 coins, all nickels and dimes, worth $2.10 in total. How many dimes are in the jar?",
    [r"Let $d$ be the number of dimes and $n$ the number of nickels. Then $n + d = 30$.",
     r"In cents the value is $5n + 10d = 210$.",
     r"From the first equation $n = 30 - d$, so $5(30 - d) + 10d = 210$.",
     r"This gives $150 - 5d + 10d = 210$, so $150 + 5d = 210$ and $5d = 60$.",
     r"Therefore $d = 12$ and $n = 30 - 12 = 18$.",
     r"Check: $5 \cdot 18 + 10 \cdot 12 = 90 + 120 = 210$ cents. There are $\boxed{12}$ dimes."],
    "12", "12")

rec("blind-c24",
    "A rectangle has area 60 square meters, and its length is 4 meters more than its width. What is its perimeter?",
    [r"Let the width be $w$ meters, so the length is $w + 4$ meters.",
     r"Then $w(w + 4) = 60$, that is $w^2 + 4w - 60 = 0$.",
     r"Factoring, $(w + 10)(w - 6) = 0$, so $w = -10$ or $w = 6$.",
     r"A width cannot be negative, so $w = 6$ and the length is $6 + 4 = 10$.",
     r"The perimeter is $2(6 + 10) = 32$ meters.",
     r"The answer is $\boxed{32}$."],
    "32", "32")

rec("blind-c25",
    "Lucia earns $18 an hour for the first 40 hours of a week and time-and-a-half for overtime. Last week she worked 46 hours. How much did she earn?",
    ["For the regular hours she earns 40 × $18 = $720.",
     "Her overtime rate is 1.5 × $18 = $27 per hour.",
     "She worked 46 - 40 = 6 overtime hours, earning 6 × $27 = $162.",
     "Her total pay is $720 + $162 = $882.",
     "#### 882"],
    "$882", "882")

rec("blind-c26",
    "The ratio of boys to girls in a club is 3:5. There are 40 members. How many are girls?",
    ["The ratio has 3 + 5 = 8 parts.",
     "Each part is 40 / 8 = 5 members.",
     "So there are 5 × 5 = 25 girls (and 3 × 5 = 15 boys).",
     "The answer is 25."],
    "25", "25")

rec("blind-c27",
    "A town's bus ridership rose from 250 to 310 riders a day. By what percent did it increase?",
    ["The increase is 310 - 250 = 60 riders.",
     "As a fraction of the original, 60 / 250 = 0.24.",
     "That is a 24% increase.",
     "#### 24"],
    "24%", "24")

rec("blind-c28",
    "A cylinder has radius 3 cm and height 10 cm. What is its volume?",
    [r"The volume of a cylinder is $V = \pi r^2 h$.",
     r"Substituting, $V = \pi \cdot 3^2 \cdot 10 = \pi \cdot 9 \cdot 10 = 90\pi$.",
     r"So the volume is $90\pi \approx 282.74$ cm$^3$.",
     r"The answer is $\boxed{90\pi}$."],
    "90\\pi", "90\\pi")

rec("blind-c29",
    "Find the equation of the line through the points $(2, 7)$ and $(5, 16)$.",
    [r"The slope is $m = \frac{16 - 7}{5 - 2} = \frac{9}{3} = 3$.",
     r"Write the line as $y = 3x + b$. Using the point $(2, 7)$: $7 = 3 \cdot 2 + b$, so $7 = 6 + b$.",
     r"Hence $b = 1$.",
     r"The line is $\boxed{y = 3x + 1}$."],
    "y = 3x + 1", "y = 3x + 1")

rec("blind-c30",
    "A rectangular garden is 12 m by 8 m. Fencing costs $15.50 per meter. How much does it cost to fence the garden?",
    ["The perimeter is 2 × (12 + 8) = 2 × 20 = 40 meters.",
     "The cost is 40 × $15.50 = $620.",
     "#### 620"],
    "$620", "620")

rec("blind-c31",
    "Sam saves $45 a week toward a laptop that costs $1,170. How many weeks will it take him?",
    ["He needs $1,170 and saves $45 a week.",
     "The number of weeks is 1,170 ÷ 45 = 26.",
     "It will take him 26 weeks."],
    "26", "26")

rec("blind-c32",
    "How many pounds of nuts costing $6 per pound must be mixed with 10 pounds of nuts costing $3 per pound to get a mix that costs $4 per pound?",
    [r"Let $x$ be the number of pounds of the \$6 nuts.",
     r"The cost of the mix is $6x + 3 \cdot 10 = 6x + 30$ dollars for $x + 10$ pounds, so $6x + 30 = 4(x + 10)$.",
     r"Expanding: $6x + 30 = 4x + 40$.",
     r"So $2x = 10$ and $x = 5$.",
     r"Check: $6 \cdot 5 + 30 = 60$ and $4 \cdot 15 = 60$. The answer is $\boxed{5}$ pounds."],
    "5", "5")

rec("blind-c33",
    "Two fair six-sided dice are rolled. What is the probability that the sum is 7?",
    [r"There are $6 \times 6 = 36$ equally likely outcomes.",
     r"The pairs with sum 7 are (1,6), (2,5), (3,4), (4,3), (5,2), (6,1): 6 outcomes.",
     r"The probability is $\frac{6}{36} = \frac{1}{6}$.",
     r"The answer is $\boxed{\frac{1}{6}}$."],
    "\\frac{1}{6}", "\\frac{1}{6}")

rec("blind-c34",
    "If $f(x) = 2x^2 - 3x + 1$, find $f(3)$.",
    [r"Substitute $x = 3$: $f(3) = 2 \cdot 3^2 - 3 \cdot 3 + 1$.",
     r"Since $3^2 = 9$, this is $2 \cdot 9 - 9 + 1 = 18 - 9 + 1 = 10$.",
     r"So $f(3) = \boxed{10}$."],
    "10", "10")

rec("blind-c35",
    "Simplify $(x + 3)^2 - (x - 3)^2$.",
    [r"Expand each square: $(x + 3)^2 = x^2 + 6x + 9$ and $(x - 3)^2 = x^2 - 6x + 9$.",
     r"Subtract: $(x^2 + 6x + 9) - (x^2 - 6x + 9) = x^2 + 6x + 9 - x^2 + 6x - 9 = 12x$.",
     r"The expression simplifies to $\boxed{12x}$."],
    "12x", "12x")

rec("blind-c36",
    "A cooler holds 2.5 gallons of lemonade. How many 8-ounce cups can be filled? (1 gallon is 128 fluid ounces.)",
    ["2.5 gallons is 2.5 × 128 = 320 fluid ounces.",
     "Each cup holds 8 ounces, so 320 / 8 = 40 cups can be filled.",
     "#### 40"],
    "40", "40")

rec("blind-c37",
    "The sum of Ann's and Ben's ages is 50, and Ann is 6 years older than Ben. How old is Ben?",
    [r"Let $a$ be Ann's age and $b$ be Ben's age. Then $a + b = 50$ and $a - b = 6$.",
     r"Adding the equations: $2a = 56$, so $a = 28$.",
     r"Then $b = 50 - 28 = 22$.",
     r"Ben is $\boxed{22}$ years old."],
    "22", "22")

rec("blind-c38",
    "Four friends have dinner that costs $64. They leave a 15% tip and split the total evenly. How much does each person pay?",
    ["The tip is 15% of $64, which is 0.15 × 64 = $9.60.",
     "The total is $64 + $9.60 = $73.60.",
     "Split four ways, each pays $73.60 / 4 = $18.40.",
     "#### 18.40"],
    "$18.40", "18.40")

rec("blind-c39",
    "8 identical pumps can drain a pool in 9 hours. How long would 12 such pumps take?",
    ["The job takes 8 × 9 = 72 pump-hours.",
     "With 12 pumps it takes 72 / 12 = 6 hours.",
     "The answer is 6 hours."],
    "6 hours", "6")

rec("blind-c40",
    "The angles of a triangle are in the ratio 2:3:4. What is the largest angle in degrees?",
    [r"The angles are $2k$, $3k$ and $4k$ for some $k$, and they add up to $180^\circ$.",
     r"So $2k + 3k + 4k = 180$, that is $9k = 180$, and $k = 20$.",
     r"The angles are $40^\circ$, $60^\circ$ and $4 \cdot 20 = 80^\circ$.",
     r"The largest angle is $\boxed{80^\circ}$."],
    "80^\\circ", "80")

rec("blind-c41",
    "What is the sum of the roots of $x^2 - 11x + 28 = 0$?",
    [r"Factor: $x^2 - 11x + 28 = (x - 4)(x - 7)$.",
     r"So the roots are $x = 4$ and $x = 7$.",
     r"Their sum is $4 + 7 = 11$.",
     r"The answer is $\boxed{11}$."],
    "11", "11")

rec("blind-c42",
    "What is the distance between the points $(1, 2)$ and $(7, 10)$?",
    [r"The differences are $7 - 1 = 6$ and $10 - 2 = 8$.",
     r"The distance is $\sqrt{6^2 + 8^2} = \sqrt{36 + 64} = \sqrt{100} = 10$.",
     r"The answer is $\boxed{10}$."],
    "10", "10")

rec("blind-c43",
    "The average of five numbers is 18. Four of the numbers are 12, 20, 15 and 25. What is the fifth number?",
    ["The five numbers add up to 5 × 18 = 90.",
     "The four known numbers add up to 12 + 20 + 15 + 25 = 72.",
     "So the fifth number is 90 - 72 = 18.",
     "#### 18"],
    "18", "18")

rec("blind-c44",
    "A floor is 12 ft by 15 ft. It is covered with square tiles 1.5 ft on a side. How many tiles are needed?",
    ["The floor's area is 12 × 15 = 180 square feet.",
     "Each tile covers 1.5 × 1.5 = 2.25 square feet.",
     "The number of tiles is 180 / 2.25 = 80.",
     "#### 80"],
    "80", "80")

# ---------------------------------------------------------------------------
# Clean but tricky for a precision-first checker (numbers that are not claims,
# rounding, approximations, enumerations)
# ---------------------------------------------------------------------------
rec("blind-t01",
    "In 2015 the town of Millbrook had 12,400 residents. Between 2015 and 2023 its population grew by 12.5 percent. What was the population in 2023?",
    ["Step 1: The growth from 2015 to 2023 was 12.5 percent of 12,400.",
     "Step 2: 12.5 percent is 0.125, and 0.125 × 12,400 = 1,550 new residents.",
     "Step 3: The 2023 population was 12,400 + 1,550 = 13,950.",
     "#### 13950"],
    "13,950", "13950")

rec("blind-t02",
    "A bakery is open from 7:30 am to 3:00 pm, 6 days a week. How many hours is it open each week?",
    ["From 7:30 am to 3:00 pm is 7 hours and 30 minutes, that is 7.5 hours.",
     "Over 6 days the bakery is open 6 × 7.5 = 45 hours.",
     "The answer is 45 hours."],
    "45", "45")

rec("blind-t03",
    "3 friends order a pizza for $47.85 and add a $6 tip. They split the bill equally. How much does each friend pay?",
    ["Step 1: The total bill is $47.85 + $6 = $53.85.",
     "Step 2: Split among the 3 friends, each pays $53.85 ÷ 3 = $17.95.",
     "So the 1st, 2nd and 3rd friend each pay $17.95.",
     "#### 17.95"],
    "$17.95", "17.95")

rec("blind-t04",
    "A cookie recipe says to bake each batch for 10-15 minutes. Mia bakes 4 batches one after another. What is the longest total baking time, in hours?",
    ["Each batch takes 10-15 minutes, so at most 15 minutes.",
     "For 4 batches the longest time is 4 × 15 = 60 minutes.",
     "60 minutes is 1 hour, so the answer is 1 hour."],
    "1 hour", "1")

rec("blind-t05",
    "A florist (phone 555-0199) charges $3.25 per rose plus a $7 delivery fee. Jenna orders 18 roses for delivery. How much does she pay?",
    ["Jenna calls the florist at 555-0199 and orders 18 roses.",
     "The roses cost 18 × $3.25 = $58.50.",
     "Adding the delivery fee, she pays $58.50 + $7 = $65.50.",
     "#### 65.50"],
    "$65.50", "65.50")

rec("blind-t06",
    "Eggs cost $3.60 per dozen. How much do 30 eggs cost?",
    ["1 dozen = 12 eggs, so each egg costs $3.60 ÷ 12 = $0.30.",
     "Then 30 eggs cost 30 × $0.30 = $9.00.",
     "The answer is $9.00."],
    "$9.00", "9")

rec("blind-t07",
    "Leo buys 4 apples at $0.75 each and 2 loaves of bread at $2.40 each. How much does he spend?",
    ["1) Apples: 4 × $0.75 = $3.00.",
     "2) Bread: 2 × $2.40 = $4.80.",
     "3) Total: $3.00 + $4.80 = $7.80.",
     "#### 7.80"],
    "$7.80", "7.80")

rec("blind-t08",
    "A TV costs $249.99 and the sales tax rate is 7.25%. What is the total cost, rounded to the nearest cent?",
    ["The tax is 0.0725 × 249.99 = 18.124275 dollars, which rounds to $18.12.",
     "The total cost is $249.99 + $18.12 = $268.11.",
     "#### 268.11"],
    "$268.11", "268.11")

rec("blind-t09",
    "A circular track has a circumference of 50 m. To the nearest square meter, what area does it enclose?",
    [r"From $C = 2\pi r$ we get $r = \frac{50}{2\pi} \approx 7.96$ m.",
     r"The area is $A = \pi r^2 \approx \pi \cdot 7.96^2 \approx 199$ m$^2$.",
     "So the track encloses about 199 square meters."],
    "about 199 m^2", "199")

rec("blind-t10",
    "A car uses 7.2 liters of fuel per 100 km. Fuel costs $1.85 per liter. What does fuel cost for a 350 km trip?",
    ["The trip uses 350 / 100 × 7.2 = 25.2 liters.",
     "At $1.85 per liter the fuel costs 25.2 × 1.85 = $46.62.",
     "#### 46.62"],
    "$46.62", "46.62")

rec("blind-t11",
    "Priya drives 125 miles in 2 hours 15 minutes. What is her average speed in miles per hour, to two decimal places?",
    ["2 hours 15 minutes is 2 + 15/60 = 2.25 hours.",
     "Her average speed is 125 ÷ 2.25 ≈ 55.56 mph.",
     "The answer is about 55.56 mph."],
    "55.56", "55.56")

rec("blind-t12",
    "On March 3rd, Lena starts reading a 420-page book at 35 pages per day, reading every day. On what day of March does she finish?",
    ["She needs 420 ÷ 35 = 12 days of reading.",
     "Day 1 is March 3rd, so day 12 is March 3 + 11 = March 14.",
     "She finishes on March 14th.",
     "#### 14"],
    "14", "14")

# ---------------------------------------------------------------------------
# arithmetic-error: one miscalculation
# ---------------------------------------------------------------------------
A = "arithmetic-error"

rec("blind-a01",
    "Tom buys 4 boxes of cereal at $3.75 each and 3 gallons of milk at $2.90 each. He pays with $30. How much change does he get?",
    ["The cereal costs 4 × $3.75 = $15.00.",
     "The milk costs 3 × $2.90 = $8.40.",
     "In total he spends $15.00 + $8.40 = $23.40.",
     "His change is $30 - $23.40 = $6.60.",
     "#### 6.60"],
    "$6.60", "6.30", A, 1)

rec("blind-a02",
    "Nadia puts $4,000 in a savings account paying 5% simple interest per year. How much will she have after 4 years?",
    ["The interest each year is 5% of $4,000: 0.05 × 4,000 = $200.",
     "Over 4 years that is 4 × $200 = $900.",
     "Her balance after 4 years is $4,000 + $900 = $4,900.",
     "#### 4900"],
    "$4,900", "4800", A, 1)

rec("blind-a03",
    "A gym charges a $15 sign-up fee plus $7 per class. Rosa paid $120 in total. How many classes did she take?",
    [r"Let $n$ be the number of classes. Then $7n + 15 = 120$.",
     r"Subtracting 15 from both sides: $7n = 105$.",
     r"Dividing by 7: $n = 16$.",
     "Rosa took 16 classes.",
     r"The answer is $\boxed{16}$."],
    "16", "15", A, 2)

rec("blind-a04",
    "Omar's quiz scores are 78, 85, 92, 69 and 81. What is his average score?",
    ["The total of his scores is 78 + 85 + 92 + 69 + 81 = 415.",
     "Dividing by the 5 quizzes, his average is 415 / 5 = 83.",
     "#### 83"],
    "83", "81", A, 0)

rec("blind-a05",
    "A store has 240 umbrellas. It sells 35% of them in the first week and half of the rest in the second week. How many umbrellas are left?",
    ["In the first week it sells 0.35 × 240 = 74 umbrellas.",
     "That leaves 240 - 74 = 166 umbrellas.",
     "In the second week it sells half of them: 166 / 2 = 83.",
     "So 166 - 83 = 83 umbrellas are left.",
     "#### 83"],
    "83", "78", A, 0)

rec("blind-a06",
    "A rectangular yard is 14 m long and 9 m wide. Fencing costs $12 per meter. How much does it cost to fence the yard?",
    ["The yard's area is 14 × 9 = 126 square meters, but for fencing we need the perimeter.",
     "The perimeter is 2 × (14 + 9) = 2 × 23 = 48 meters.",
     "The fencing costs 48 × $12 = $576.",
     "#### 576"],
    "$576", "552", A, 1)

rec("blind-a07",
    "Ana can paint a fence in 4 hours; Ben takes 12 hours. How long do they take working together?",
    [r"Ana paints $\frac{1}{4}$ of the fence per hour and Ben paints $\frac{1}{12}$ per hour.",
     r"Together: $\frac{1}{4} + \frac{1}{12} = \frac{3}{12} + \frac{1}{12} = \frac{4}{12} = \frac{1}{4}$ of the fence per hour.",
     r"So the time is $1 \div \frac{1}{4} = 4$ hours.",
     r"The answer is $\boxed{4}$ hours."],
    "4", "3", A, 1)

rec("blind-a08",
    "Let $r$ and $s$ be the roots of $x^2 + 2x - 24 = 0$. Find $rs$.",
    [r"Use the quadratic formula with $a = 1$, $b = 2$, $c = -24$. The discriminant is $2^2 - 4(1)(-24) = 4 + 96 = 100$.",
     r"So $\sqrt{100} = 10$, and the roots are $\frac{-2 + 10}{2}$ and $\frac{-2 - 10}{2}$.",
     r"That is, $\frac{-2 + 10}{2} = 4$ and $\frac{-2 - 10}{2} = -7$.",
     r"Therefore $rs = 4 \cdot (-7) = -28$.",
     r"The answer is $\boxed{-28}$."],
    "-28", "-24", A, 2)

rec("blind-a09",
    "8 liters of a 25% salt solution are mixed with 12 liters of a 40% salt solution. What percent salt is the mixture?",
    ["The first solution has 0.25 × 8 = 2 liters of salt.",
     "The second has 0.40 × 12 = 4.8 liters of salt.",
     "In total there are 2 + 4.8 = 6.8 liters of salt in 8 + 12 = 20 liters.",
     "The concentration is 6.8 / 20 = 0.36, or 36%.",
     "The mixture is 36% salt."],
    "36%", "34", A, 3)

rec("blind-a10",
    "A bus travels at 64 km/h for 3 hours 45 minutes. How far does it go, in miles? (Use 1 mile = 1.6 km.)",
    ["3 hours 45 minutes is 3 + 45/60 = 3.75 hours.",
     "The distance is 64 × 3.75 = 250 km.",
     "In miles that is 250 ÷ 1.6 = 156.25 miles.",
     "#### 156.25"],
    "156.25", "150", A, 1)

rec("blind-a11",
    "A recipe needs 3/4 cup of sugar for 16 cookies. How much sugar is needed for 40 cookies?",
    ["40 cookies is 40 ÷ 16 = 2.5 times the recipe.",
     "The sugar needed is 2.5 × 3/4 = 1.75 cups.",
     "So you need 1 3/4 cups of sugar.",
     "#### 1.75"],
    "1 3/4", "15/8", A, 1)

rec("blind-a12",
    "Solve the system $2x + 3y = 23$, $x - y = 4$ and find $x + y$.",
    [r"From the second equation, $x = y + 4$.",
     r"Substituting into the first: $2(y + 4) + 3y = 23$, so $5y + 8 = 23$.",
     r"Then $5y = 15$, which gives $y = 5$.",
     r"So $x = 5 + 4 = 9$.",
     r"Therefore $x + y = 9 + 5 = 14$.",
     r"The answer is $\boxed{14}$."],
    "14", "10", A, 2)

rec("blind-a13",
    "Kim's monthly income is $2,800. She pays $950 rent, $185 for utilities and $420 for groceries, and saves 20% of what is left. How much does she save?",
    ["Her fixed costs are $950 + $185 + $420 = $1,455.",
     "What is left is $2,800 - $1,455 = $1,345.",
     "She saves 20% of that: 0.20 × 1,345 = $269.",
     "#### 269"],
    "$269", "249", A, 0)

rec("blind-a14",
    "A box has 5 red, 7 green and 3 blue marbles. Two marbles are drawn with replacement. What is the probability that neither is green?",
    [r"The box has $5 + 7 + 3 = 16$ marbles.",
     r"The non-green marbles number $5 + 3 = 8$, so one draw is not green with probability $\frac{8}{16} = \frac{1}{2}$.",
     r"With replacement the draws are independent, so the probability is $\frac{1}{2} \cdot \frac{1}{2} = \frac{1}{4}$.",
     r"The answer is $\boxed{\frac{1}{4}}$."],
    "\\frac{1}{4}", "\\frac{64}{225}", A, 0)

# ---------------------------------------------------------------------------
# invalid-transformation: an illegal algebra move
# ---------------------------------------------------------------------------
I = "invalid-transformation"

rec("blind-i01",
    "Three times a number, decreased by 4, is 11. What is the number?",
    [r"Let $x$ be the number. Then $3x - 4 = 11$.",
     r"Moving the 4 to the right-hand side: $3x = 11 - 4 = 7$.",
     r"Dividing by 3: $x = \frac{7}{3}$.",
     r"The number is $\boxed{\frac{7}{3}}$."],
    "\\frac{7}{3}", "5", I, 1)

rec("blind-i02",
    "Twice the sum of a number and 5 is 24. Find the number.",
    [r"Let $x$ be the number. Then $2(x + 5) = 24$.",
     r"Distributing, $2x + 5 = 24$.",
     r"So $2x = 19$ and $x = 9.5$.",
     r"The number is $\boxed{9.5}$."],
    "9.5", "7", I, 1)

rec("blind-i03",
    "A quarter of Jill's marbles plus 3 more marbles makes 10 marbles. How many marbles does Jill have?",
    [r"Let $x$ be the number of marbles Jill has. Then $\frac{x}{4} + 3 = 10$.",
     r"Multiplying both sides by 4: $x + 3 = 40$.",
     r"Subtracting 3: $x = 37$.",
     "Jill has 37 marbles.",
     "#### 37"],
    "37", "28", I, 1)

rec("blind-i04",
    "When each side of a square is increased by 3 cm, its area increases by 51 cm^2. What was the original side length?",
    [r"Let $x$ be the original side in cm. The new area minus the old area is $(x + 3)^2 - x^2 = 51$.",
     r"Expanding, $(x + 3)^2 = x^2 + 3x + 9$, so $x^2 + 3x + 9 - x^2 = 51$.",
     r"This simplifies to $3x + 9 = 51$, so $3x = 42$.",
     r"Therefore $x = 14$ cm.",
     r"The answer is $\boxed{14}$."],
    "14", "7", I, 1)

rec("blind-i05",
    "Solve for $x$: $4(x - 2) = 3x + 5$.",
    [r"Expand the left side: $4x - 2 = 3x + 5$.",
     r"Subtract $3x$ from both sides: $x - 2 = 5$.",
     r"Add 2 to both sides: $x = 7$.",
     r"So $\boxed{x = 7}$."],
    "x = 7", "13", I, 0)

rec("blind-i06",
    "Solve $\\frac{x}{3} = \\frac{x - 2}{2}$.",
    [r"Cross-multiplying, $2x = 3x - 2$.",
     r"Subtracting $2x$ from both sides: $0 = x - 2$.",
     r"So $x = 2$.",
     r"The solution is $\boxed{2}$."],
    "2", "6", I, 0)

rec("blind-i07",
    "Simplify $(x - 4)(x + 6) - x(x + 2)$.",
    [r"First, $(x - 4)(x + 6) = x^2 + 6x - 4x + 24 = x^2 + 2x + 24$.",
     r"Next, $x(x + 2) = x^2 + 2x$.",
     r"Subtracting: $(x^2 + 2x + 24) - (x^2 + 2x) = 24$.",
     r"The expression simplifies to $\boxed{24}$."],
    "24", "-24", I, 0)

rec("blind-i08",
    "Plan A charges $9 plus $7 per gigabyte; plan B charges $41 plus $3 per gigabyte. For how many gigabytes do the plans cost the same?",
    [r"Let $x$ be the number of gigabytes. The plans cost the same when $7x + 9 = 3x + 41$.",
     r"Subtracting $3x$ from both sides and adding 9 to both sides: $4x = 50$.",
     r"Dividing by 4: $x = 12.5$.",
     "The plans cost the same at 12.5 GB.",
     "#### 12.5"],
    "12.5", "8", I, 1)

rec("blind-i09",
    "What is the positive solution of $x^2 - 2x - 15 = 0$?",
    [r"We factor the quadratic: $x^2 - 2x - 15 = (x - 3)(x + 5)$.",
     r"Setting each factor to zero gives $x = 3$ or $x = -5$.",
     r"The positive solution is $\boxed{3}$."],
    "3", "5", I, 0)

rec("blind-i10",
    "Two numbers add up to 20 and differ by 6. What is the smaller number?",
    [r"Let $x$ be the larger number and $y$ the smaller. Then $x + y = 20$ and $x - y = 6$.",
     r"Subtracting the second equation from the first: $2y = 26$.",
     r"So $y = 13$.",
     r"The smaller number is $\boxed{13}$."],
    "13", "7", I, 1)

rec("blind-i11",
    "A car's fuel tank is three quarters full and holds 18 gallons at that level. What is the capacity of the tank?",
    [r"Let $c$ be the capacity in gallons. Then $\frac{3}{4}c = 18$.",
     r"Solving for $c$: $c = 18 \cdot \frac{3}{4}$.",
     r"So $c = 13.5$ gallons.",
     "#### 13.5"],
    "13.5", "24", I, 1)

rec("blind-i12",
    "Simplify $\\frac{x^2 - 9}{x - 3}$ and evaluate it at $x = 7$.",
    [r"Factor the numerator as a difference of squares and cancel: $\frac{x^2 - 9}{x - 3} = x - 3$ for $x \neq 3$.",
     r"At $x = 7$ this is $7 - 3 = 4$.",
     r"The value is $\boxed{4}$."],
    "4", "10", I, 0)

rec("blind-i13",
    "Solve $5x - (2x - 6) = 27$.",
    [r"Remove the parentheses: $5x - 2x - 6 = 27$.",
     r"Combine like terms: $3x - 6 = 27$.",
     r"Add 6 to both sides: $3x = 33$, so $x = 11$.",
     r"The solution is $\boxed{x = 11}$."],
    "x = 11", "7", I, 0)

rec("blind-i14",
    "A phone company charges $0.40 per minute plus a $12 monthly fee. Last month's bill was $40. How many minutes were used?",
    [r"Let $m$ be the number of minutes. Then $0.40m + 12 = 40$.",
     r"Dividing both sides by 0.40: $m + 12 = 100$.",
     r"Subtracting 12: $m = 88$.",
     "So 88 minutes were used.",
     "#### 88"],
    "88", "70", I, 1)

# ---------------------------------------------------------------------------
# undefined-variable: a symbol that was never introduced
# ---------------------------------------------------------------------------
U = "undefined-variable"

rec("blind-u01",
    "A theater sold 50 tickets. Adult tickets cost $8 and child tickets $5, and the total was $310. How many child tickets were sold?",
    [r"Let $a$ be the number of adult tickets, so $50 - a$ child tickets were sold.",
     r"The revenue gives $8a + 5(50 - a) = 310$.",
     r"Expanding: $8a + 250 - 5a = 310$, so $3a = 60$ and $a = 20$.",
     r"The number of child tickets is $50 - x = 30$.",
     r"The answer is $\boxed{30}$."],
    "30", "30", U, 3)

rec("blind-u02",
    "A rectangle's length is twice its width and its perimeter is 36 cm. What is its area?",
    [r"Let $w$ be the width in cm; then the length is $2w$.",
     r"The perimeter is $2(w + 2w) = 36$, so $6w = 36$ and $w = 6$.",
     r"The length is $2y = 12$ cm.",
     r"The area is $6 \times 12 = 72$ cm$^2$.",
     r"The answer is $\boxed{72}$."],
    "72", "72", U, 2)

rec("blind-u03",
    "A father is 3 times as old as his son. In 12 years he will be twice as old as his son. How old is the son now?",
    [r"Let $s$ be the son's age now, so the father is $3s$.",
     r"In 12 years: $3s + 12 = 2(b + 12)$.",
     r"Expanding: $3s + 12 = 2s + 24$.",
     r"So $s = 12$.",
     r"The son is $\boxed{12}$ years old."],
    "12", "12", U, 1)

rec("blind-u04",
    "Two cars leave the same town in opposite directions, one at 50 km/h and one at 70 km/h. After how many hours are they 360 km apart, and how far has the faster car gone by then?",
    [r"Let $t$ be the time in hours. The distance between them is $50t + 70t = 360$.",
     r"So $120t = 360$ and $t = 3$.",
     r"The faster car has traveled $70x = 70 \cdot 3 = 210$ km.",
     "They are 360 km apart after 3 hours, and the faster car has gone 210 km.",
     "#### 210"],
    "210", "210", U, 2)

rec("blind-u05",
    "A jar holds 25 coins, all quarters and dimes, worth $4.30. How many quarters are there?",
    [r"Let $q$ be the number of quarters and $d$ the number of dimes. Then $q + d = 25$ and $25q + 10d = 430$.",
     r"From the first equation $q = 25 - d$. Substituting: $25(25 - n) + 10d = 430$.",
     r"So $625 - 25d + 10d = 430$, which gives $15d = 195$ and $d = 13$.",
     r"Then $q = 25 - 13 = 12$.",
     r"There are $\boxed{12}$ quarters."],
    "12", "12", U, 1)

rec("blind-u06",
    "If $3a + 2b = 16$ and $a - b = 2$, what is $a + b$?",
    [r"From the second equation, $a = b + 2$.",
     r"Substituting: $3(b + 2) + 2b = 16$, so $5b + 6 = 16$ and $b = 2$.",
     r"Then $a = c + 2 = 4$.",
     r"So $a + b = 4 + 2 = 6$.",
     r"The answer is $\boxed{6}$."],
    "6", "6", U, 2)

rec("blind-u07",
    "A circle has circumference $14\\pi$. What is its area?",
    [r"Let $r$ be the radius. Then $2\pi r = 14\pi$, so $r = 7$.",
     r"The area is $\pi z^2 = \pi \cdot 7^2 = 49\pi$.",
     r"The answer is $\boxed{49\pi}$."],
    "49\\pi", "49\\pi", U, 1)

rec("blind-u08",
    "One printer finishes a job in 6 hours and another in 3 hours. How long do they take together?",
    [r"Let $t$ be the number of hours together. Then $\frac{t}{6} + \frac{t}{3} = 1$.",
     r"Writing over a common denominator: $\frac{t}{6} + \frac{2t}{6} = 1$, so $\frac{3t}{6} = 1$.",
     r"Simplifying, $\frac{y}{2} = 1$, hence $t = 2$.",
     r"They take $\boxed{2}$ hours."],
    "2", "2", U, 2)

rec("blind-u09",
    "An investment earns 6% simple interest per year. After 3 years the interest is $540. What was the principal?",
    [r"Let $P$ be the principal. The interest is $P \cdot 0.06 \cdot 3 = 540$.",
     r"So $0.18x = 540$.",
     r"Dividing: $P = 540 / 0.18 = 3000$.",
     "The principal was $3,000.",
     "#### 3000"],
    "$3,000", "3000", U, 1)

rec("blind-u10",
    "How many liters of a 20% solution must be mixed with a 50% solution to make 10 liters of a 32% solution?",
    [r"Let $x$ be the liters of the 20% solution, so $10 - x$ liters are the 50% solution.",
     r"The amount of solute gives $0.2x + 0.5(10 - x) = 0.32 \cdot 10$.",
     r"Expanding: $0.2x + 5 - 0.5x = 3.2$.",
     r"So $-0.3y = -1.8$.",
     r"Therefore $x = 6$ liters.",
     r"The answer is $\boxed{6}$."],
    "6", "6", U, 3)

rec("blind-u11",
    "The sum of three consecutive even integers is 78. What is the largest?",
    [r"Let $n$ be the smallest, so the integers are $n$, $n + 2$ and $n + 4$.",
     r"Then $n + (n + 2) + (n + 4) = 78$, so $3n + 6 = 78$.",
     r"So $3n = 72$ and $n = 24$.",
     r"The largest is $m + 4 = 28$.",
     r"The answer is $\boxed{28}$."],
    "28", "28", U, 3)

rec("blind-u12",
    "A rectangle's length is 3 m more than its width and its area is 70 m^2. What is its length?",
    [r"Let $x$ be the width in meters, so the length is $x + 3$.",
     r"Then $x(x + 3) = 70$, that is $x^2 + 3x - 70 = 0$.",
     r"Factoring: $(x + 10)(x - 7) = 0$, so $x = 7$ (the width is positive).",
     r"The length is $z + 3 = 10$ m.",
     r"The answer is $\boxed{10}$."],
    "10", "10", U, 3)

rec("blind-u13",
    "A theater has 18 rows of 24 seats. Three quarters of the seats are sold at $12 each. What is the revenue?",
    [r"The theater has $18 \times 24 = 432$ seats.",
     r"Three quarters are sold: $\frac{3}{4} \cdot 432 = 324$ seats.",
     r"At \$12 per ticket, the revenue is $324p = 324 \times 12 = 3888$ dollars.",
     "#### 3888"],
    "$3,888", "3888", U, 2)

rec("blind-u14",
    "A rental car costs $40 plus $0.25 per mile. Jo's bill was $75. How many miles did she drive?",
    [r"Let $d$ be the number of miles driven. The cost is $40 + 0.25d$, so $40 + 0.25d = 75$.",
     r"Subtracting 40: $0.25q = 35$.",
     r"So $d = 35 / 0.25 = 140$.",
     "Jo drove 140 miles.",
     "#### 140"],
    "140", "140", U, 1)

# ---------------------------------------------------------------------------
# inconsistent-step: contradicts an earlier step's value
# ---------------------------------------------------------------------------
N = "inconsistent-step"

rec("blind-n01",
    "A club sells tickets for $5 each and also gets a $20 donation, collecting $95 in total. It then buys a $2 souvenir for each ticket holder. How much money is left?",
    [r"Let $n$ be the number of tickets. Then $5n + 20 = 95$.",
     r"So $5n = 75$ and $n = 15$.",
     r"The souvenirs cost $16 \times 2 = 32$ dollars.",
     r"The money left is $95 - 32 = 63$ dollars.",
     "#### 63"],
    "$63", "65", N, 2)

rec("blind-n02",
    "Bea buys 6 notebooks at $2.50 each and 4 pens at $1.25 each. She pays with $25. How much change does she get?",
    ["The notebooks cost 6 × $2.50 = $15.00.",
     "The pens cost 4 × $1.25 = $5.00.",
     "Together she spends $15.00 + $5.50 = $20.50.",
     "Her change is $25 - $20.50 = $4.50.",
     "#### 4.50"],
    "$4.50", "5", N, 2)

rec("blind-n03",
    "Maria is 4 times as old as her son. In 20 years she will be twice as old as her son. How old is Maria now?",
    [r"Let $s$ be the son's age; Maria is $4s$. Then $4s + 20 = 2(s + 20)$.",
     r"So $4s + 20 = 2s + 40$, giving $2s = 20$ and $s = 10$.",
     r"Maria's age is $4s = 4 \cdot 12 = 48$.",
     r"Maria is $\boxed{48}$ years old."],
    "48", "40", N, 2)

rec("blind-n04",
    "Two numbers have sum 12 and difference 4. What is their product?",
    [r"Let the numbers be $x$ and $y$ with $x + y = 12$ and $x - y = 4$.",
     r"Adding: $2x = 16$, so $x = 8$.",
     r"Then $y = 12 - 8 = 4$.",
     r"The product is $xy = 8 \cdot 6 = 48$.",
     r"The answer is $\boxed{48}$."],
    "48", "32", N, 3)

rec("blind-n05",
    "The length of a rectangle is 3 more than twice its width and the perimeter is 54. What is the length?",
    [r"Let $w$ be the width; the length is $2w + 3$. Then $2(w + 2w + 3) = 54$.",
     r"So $6w + 6 = 54$, $6w = 48$ and $w = 8$.",
     r"The length is $2w + 3 = 2 \cdot 9 + 3 = 21$.",
     r"The answer is $\boxed{21}$."],
    "21", "19", N, 2)

rec("blind-n06",
    "Pipe A fills a tank in 6 hours and pipe B in 3 hours. With both open, how long does it take to fill 3 such tanks?",
    [r"Together the pipes fill $\frac{1}{6} + \frac{1}{3} = \frac{1}{6} + \frac{2}{6} = \frac{1}{2}$ of a tank per hour.",
     r"So one tank takes $1 \div \frac{1}{2} = 2$ hours.",
     r"Filling 3 tanks at a rate of $\frac{1}{3}$ tank per hour takes $3 \div \frac{1}{3} = 9$ hours.",
     r"The answer is $\boxed{9}$ hours."],
    "9", "6", N, 2)

rec("blind-n07",
    "10 liters of a 30% acid solution are mixed with 15 liters of a 50% acid solution. What is the concentration of the mixture?",
    ["The first solution has 0.30 × 10 = 3 liters of acid and the second has 0.50 × 15 = 7.5 liters.",
     "The total acid is 3 + 7.5 = 10.5 liters.",
     "The total volume is 10 + 15 = 25 liters.",
     "The concentration is 10.5 / 20 = 0.525, or 52.5%.",
     "#### 52.5"],
    "52.5%", "42", N, 3)

rec("blind-n08",
    "A rectangle has area 60 and its length is 4 more than its width. What is the perimeter?",
    [r"Let $w$ be the width. Then $w(w + 4) = 60$, so $w^2 + 4w - 60 = 0$.",
     r"Factoring, $(w + 10)(w - 6) = 0$; the width is positive, so $w = 6$.",
     r"The length is $w + 4 = 7 + 4 = 11$.",
     r"The perimeter is $2(6 + 11) = 34$.",
     r"The answer is $\boxed{34}$."],
    "34", "32", N, 2)

rec("blind-n09",
    "Carla deposits $2,500 at 4% simple interest per year. What is her balance after 3 years?",
    ["The interest per year is 0.04 × 2,500 = $100.",
     "Over 3 years the interest is 3 × $120 = $360.",
     "Her balance is $2,500 + $360 = $2,860.",
     "#### 2860"],
    "$2,860", "2800", N, 1)

rec("blind-n10",
    "A train goes 240 miles at 60 mph and then 180 miles at 45 mph. What is the total travel time?",
    ["The first leg takes 240 / 60 = 4 hours.",
     "The second leg takes 180 / 45 = 4 hours.",
     "The total time is 4 + 5 = 9 hours.",
     "#### 9"],
    "9 hours", "8", N, 2)

rec("blind-n11",
    "The average of five numbers is 18. Four of them are 12, 20, 15 and 25. What is the fifth?",
    ["The sum of all five numbers is 5 × 18 = 90.",
     "The four known numbers add to 12 + 20 + 15 + 25 = 72.",
     "The fifth number is 95 - 72 = 23.",
     "#### 23"],
    "23", "18", N, 2)

rec("blind-n12",
    "A jar holds 30 nickels and dimes worth $2.10. How many nickels are there?",
    [r"Let $d$ be the number of dimes and $n$ the number of nickels: $n + d = 30$ and $5n + 10d = 210$.",
     r"Substituting $n = 30 - d$: $150 - 5d + 10d = 210$, so $5d = 60$ and $d = 12$.",
     r"The number of nickels is $n = 30 - 13 = 17$.",
     r"There are $\boxed{17}$ nickels."],
    "17", "18", N, 2)

rec("blind-n13",
    "Three consecutive integers add up to 72. What is the largest?",
    [r"Let the integers be $n$, $n + 1$, $n + 2$. Then $3n + 3 = 72$.",
     r"So $3n = 69$ and $n = 23$.",
     r"The largest is $n + 2 = 24 + 2 = 26$.",
     r"The answer is $\boxed{26}$."],
    "26", "25", N, 2)

rec("blind-n14",
    "4 pens and a $3 notebook cost $11. How much do 6 pens cost?",
    [r"Let $p$ be the price of one pen in dollars. Then $4p + 3 = 11$.",
     r"So $4p = 8$ and $p = 2$.",
     r"Six pens cost $6p = 6 \times 2.50 = 15$ dollars.",
     "#### 15"],
    "$15", "12", N, 2)


def main():
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids)), "duplicate ids"
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "fixtures", "math", "blind.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for r in RECORDS:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = {}
    for r in RECORDS:
        counts[r["_label"]["label"]] = counts.get(r["_label"]["label"], 0) + 1
    print(f"wrote {len(RECORDS)} records to fixtures/math/blind.jsonl: {counts}")


if __name__ == "__main__":
    main()
