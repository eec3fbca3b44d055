#!/usr/bin/python3
"""Held-out natural-language math solutions for `vouch math-eval`.

Written independently of the evaluator (its source and its own fixtures were not read).
Deterministic: records are written by hand below, in a fixed order.

Run:  /usr/bin/python3 scripts/make-math-heldout.py
Writes fixtures/math/heldout.jsonl and self-checks every arithmetic claim it can find in the
clean solutions (exact, or correctly rounded when written with "about" / "≈").
"""
import ast
import json
import os
import re
import sys
from fractions import Fraction

RECORDS = []


def rec(rid, problem, steps, final, ref, err=None, tricky=False):
    r = {"id": rid, "problem": problem, "steps": steps, "final_answer": final, "reference_answer": ref}
    if err is None:
        r["_label"] = {"first_error_step": -1, "label": "correct"}
    else:
        idx, label = err
        assert 0 <= idx < len(steps), rid
        r["_label"] = {"first_error_step": idx, "label": label}
    r["_tricky"] = tricky
    RECORDS.append(r)


# ----------------------------------------------------------------------------------------------
# Clean solutions
# ----------------------------------------------------------------------------------------------
rec("c01", "Maria buys 3 notebooks at $4.50 each and a pen for $2.25. She pays with a $20 bill. How much change does she get?",
    ["The notebooks cost 3 × $4.50 = $13.50.",
     "Adding the pen, she spends $13.50 + $2.25 = $15.75 in total.",
     "Her change is $20 - $15.75 = $4.25.",
     "#### 4.25"], "$4.25", "4.25")
rec("c02", "Janet's ducks lay 16 eggs per day. She eats 3 for breakfast every morning and bakes muffins for her friends every day with 4. She sells the remainder at the farmers' market for $2 per egg. How much in dollars does she make every day at the farmers' market?",
    ["Janet uses 3 + 4 = 7 eggs each day.",
     "She sells 16 - 3 - 4 = 9 eggs.",
     "At $2 per egg she makes 9 * $2 = $18 every day."], "18", "18")
rec("c03", "A class of 120 students took an exam, and 3/4 of them passed. How many students failed?",
    ["The number of students who passed is $\\frac{3}{4} \\times 120 = 90$.",
     "So the number who failed is $120 - 90 = 30$.",
     "The answer is 30."], "30", "30")
rec("c04", "Twice a number, increased by 5, equals 17. What is the number?",
    ["Let $x$ be the number. Then $2x + 5 = 17$.",
     "Subtracting 5 from both sides gives $2x = 12$.",
     "Dividing both sides by 2, $x = 6$.",
     "The number is $\\boxed{6}$."], "6", "6")
rec("c05", "A jacket costs $80 and is on sale for 25% off. A sales tax of 8% is then applied to the sale price. What is the final price?",
    ["The discount is 25% of $80, which is 0.25 × 80 = $20.",
     "The sale price is $80 - $20 = $60.",
     "The tax is 8% of $60 = $4.80.",
     "So the final price is $60 + $4.80 = $64.80."], "$64.80", "64.8")
rec("c06", "A car travels 150 miles in 2.5 hours. At the same speed, how far will it travel in 4 hours?",
    ["The car's speed is 150 / 2.5 = 60 miles per hour.",
     "In 4 hours it travels 60 × 4 = 240 miles.",
     "#### 240"], "240", "240")
rec("c07", "Tom is 4 years older than twice Sam's age. Sam is 9 years old. How old is Tom?",
    ["Twice Sam's age is 2 × 9 = 18 years.",
     "Tom is 4 years older than that, so he is 18 + 4 = 22 years old.",
     "The answer is 22."], "22", "22")
rec("c08", "A rectangular room is 15 feet long and 12 feet wide. Carpet costs $3 per square foot. How much will it cost to carpet the room?",
    ["The area of the room is 15 × 12 = 180 square feet.",
     "At $3 per square foot, the carpet costs 180 × $3 = $540.",
     "#### 540"], "540", "540")
rec("c09", "A triangle has a base of 10 cm and a height of 7 cm. What is its area?",
    ["The area of a triangle is one half of base times height.",
     "$A = \\frac{1}{2} \\times 10 \\times 7 = 35$ square centimeters.",
     "The area is $\\boxed{35}$ cm$^2$."], "35", "35")
rec("c10", "A circle has a radius of 5. What is its area? Express your answer in terms of $\\pi$.",
    ["The area of a circle is $\\pi r^2$.",
     "With $r = 5$, the area is $\\pi \\cdot 5^2 = 25\\pi$.",
     "The answer is $\\boxed{25\\pi}$."], "25\\pi", "25\\pi")
rec("c11", "Kevin's test scores are 85, 92, 78, 90, and 95. What is his average score?",
    ["The sum of his scores is 85 + 92 + 78 + 90 + 95 = 440.",
     "There are 5 tests, so the average is 440 / 5 = 88.",
     "#### 88"], "88", "88")
rec("c12", "The ratio of boys to girls in a club is 3:5. If there are 40 members, how many are girls?",
    ["The ratio 3:5 has 3 + 5 = 8 parts in total.",
     "Each part represents 40 / 8 = 5 members.",
     "The girls make up 5 parts, so there are 5 × 5 = 25 girls.",
     "#### 25"], "25", "25")
rec("c13", "Two trains start 300 miles apart and travel toward each other, one at 70 mph and the other at 80 mph. After how many hours do they meet?",
    ["The trains close the gap at a combined speed of 70 + 80 = 150 miles per hour.",
     "They cover the 300 miles in 300 / 150 = 2 hours.",
     "The trains meet after 2 hours."], "2", "2")
rec("c14", "Eliza earns $18 per hour for the first 40 hours she works each week and 1.5 times that rate for overtime. This week she worked 46 hours. How much did she earn?",
    ["Her regular pay is 40 × $18 = $720.",
     "She worked 46 - 40 = 6 hours of overtime.",
     "Her overtime rate is 1.5 × $18 = $27 per hour.",
     "Her overtime pay is 6 × $27 = $162.",
     "In total she earned $720 + $162 = $882.",
     "#### 882"], "882", "882")
rec("c15", "A company had revenue of $1,250,000 last year and expenses of $837,500. What percent of its revenue was profit?",
    ["The profit is $1,250,000 - $837,500 = $412,500.",
     "As a fraction of revenue, that is 412,500 / 1,250,000 = 0.33.",
     "So the profit was 33% of revenue."], "33\\%", "33")
rec("c16", "The sum of two numbers is 30 and their difference is 8. What is the smaller number?",
    ["Let the numbers be $x$ and $y$ with $x > y$, so $x + y = 30$ and $x - y = 8$.",
     "Adding the two equations gives $2x = 38$, so $x = 19$.",
     "Then $y = 30 - 19 = 11$.",
     "The smaller number is $\\boxed{11}$."], "11", "11")
rec("c17", "Solve $x^2 - 5x + 6 = 0$.",
    ["We look for two numbers whose product is 6 and whose sum is -5: these are -2 and -3.",
     "So $x^2 - 5x + 6 = (x - 2)(x - 3)$.",
     "Setting each factor to zero gives $x = 2$ or $x = 3$."], "x = 2 or x = 3", "2, 3")
rec("c18", "The price of a book rose from $40 to $50. By what percent did the price increase?",
    ["The increase is $50 - $40 = $10.",
     "As a percentage of the original price, that is $\\frac{10}{40} \\times 100\\% = 25\\%$.",
     "The price increased by 25%."], "25\\%", "25\\%")
rec("c19", "A recipe needs 2.5 cups of flour per batch. Dana makes 6 batches from a bag that holds 20 cups. How many cups of flour are left?",
    ["Six batches need 6 × 2.5 = 15 cups of flour.",
     "She has 20 - 15 = 5 cups left.",
     "#### 5"], "5", "5")
rec("c20", "Sarah ate $\\frac{1}{3}$ of a pizza and John ate $\\frac{1}{4}$ of it. What fraction of the pizza is left?",
    ["Together they ate $\\frac{1}{3} + \\frac{1}{4} = \\frac{4}{12} + \\frac{3}{12} = \\frac{7}{12}$ of the pizza.",
     "The fraction left is $1 - \\frac{7}{12} = \\frac{5}{12}$.",
     "The answer is $\\boxed{\\frac{5}{12}}$."], "\\frac{5}{12}", "5/12")
rec("c21", "The sum of three consecutive integers is 72. What is the largest of them?",
    ["Let the integers be $n$, $n + 1$ and $n + 2$.",
     "Then $n + (n + 1) + (n + 2) = 72$, which simplifies to $3n + 3 = 72$.",
     "Subtracting 3 gives $3n = 69$, so $n = 23$.",
     "The largest integer is $23 + 2 = 25$."], "25", "25")
rec("c22", "Lisa wants a bike that costs $240. She already has $45 and saves $15 each week. How many weeks will it take her to have enough?",
    ["She still needs $240 - $45 = $195.",
     "Saving $15 a week, that takes 195 / 15 = 13 weeks.",
     "#### 13"], "13", "13")
rec("c23", "A square has a perimeter of 36 cm. What is its area?",
    ["Each side of the square is 36 / 4 = 9 cm.",
     "The area is $9^2 = 81$ square centimeters.",
     "The answer is 81 cm^2."], "81", "81")
rec("c24", "A board is $8\\frac{1}{2}$ feet long. Ray cuts off a piece $2\\frac{3}{4}$ feet long. How long is the remaining piece?",
    ["Converting to improper fractions, $8\\frac{1}{2} = \\frac{17}{2}$ and $2\\frac{3}{4} = \\frac{11}{4}$.",
     "The remaining length is $\\frac{17}{2} - \\frac{11}{4} = \\frac{34}{4} - \\frac{11}{4} = \\frac{23}{4}$ feet.",
     "That is $5\\frac{3}{4}$ feet."], "5\\frac{3}{4} feet", "23/4")
rec("c25", "Omar deposits $2,000 in an account that pays 5% simple interest per year. How much is in the account after 3 years?",
    ["Each year the interest is 5% of $2,000 = $100.",
     "Over 3 years he earns 3 × $100 = $300 in interest.",
     "The account then holds $2,000 + $300 = $2,300.",
     "#### 2300"], "$2,300", "2300")
rec("c26", "An investment of $1,000 earns 10% interest compounded annually. What is it worth after 2 years?",
    ["After the first year it is worth $1,000 × 1.1 = $1,100.",
     "After the second year it is worth $1,100 × 1.1 = $1,210.",
     "The investment is worth $1,210."], "1210", "1210")
rec("c27", "A father is three times as old as his son. In 12 years, the father will be twice as old as his son. How old is the son now?",
    ["Let $s$ be the son's age now, so the father is $3s$.",
     "In 12 years their ages are $s + 12$ and $3s + 12$, so $3s + 12 = 2(s + 12)$.",
     "Expanding the right side, $3s + 12 = 2s + 24$.",
     "Subtracting $2s + 12$ from both sides gives $s = 12$.",
     "The son is 12 years old."], "12", "12")
rec("c28", "How many liters of a 20% acid solution must be added to 10 liters of a 50% acid solution to make a 30% acid solution?",
    ["Let $x$ be the number of liters of the 20% solution.",
     "The acid balance is $0.2x + 0.5 \\cdot 10 = 0.3(x + 10)$.",
     "This gives $0.2x + 5 = 0.3x + 3$.",
     "So $2 = 0.1x$, and $x = 20$.",
     "We need 20 liters."], "20", "20")
rec("c29", "Priya reads 25 pages per hour and reads for 2 hours every day. How many days will it take her to finish a 350-page book?",
    ["Each day she reads 25 × 2 = 50 pages.",
     "The book takes her 350 / 50 = 7 days.",
     "#### 7"], "7", "7")
rec("c30", "A right triangle has legs of length 6 and 8. What is the length of the hypotenuse?",
    ["By the Pythagorean theorem, $c = \\sqrt{6^2 + 8^2} = \\sqrt{36 + 64} = \\sqrt{100} = 10$.",
     "The hypotenuse is $\\boxed{10}$."], "10", "10")
rec("c31", "Nina baked 48 cookies. She gave 1/3 of them to her neighbors and then ate 6. How many cookies does she have left?",
    ["She gave away $\\frac{1}{3} \\times 48 = 16$ cookies.",
     "That left her with 48 - 16 = 32 cookies.",
     "After eating 6, she has 32 - 6 = 26 cookies left.",
     "#### 26"], "26", "26")
rec("c32", "A runner completes 10 km in 50 minutes. What is her average speed in km/h?",
    ["50 minutes is $\\frac{50}{60} = \\frac{5}{6}$ of an hour.",
     "Her speed is $10 \\div \\frac{5}{6} = 10 \\times \\frac{6}{5} = 12$ km/h.",
     "The answer is 12 km/h."], "12", "12")
rec("c33", "Solve $\\frac{x}{3} + 4 = 10$.",
    ["Subtract 4 from both sides: $\\frac{x}{3} = 6$.",
     "Multiply both sides by 3: $x = 18$.",
     "So $x = \\boxed{18}$."], "18", "18")
rec("c34", "A dinner bill is $64. Four friends add a 15% tip and split the total equally. How much does each pay?",
    ["The tip is 15% of $64 = $9.60.",
     "The total is $64 + $9.60 = $73.60.",
     "Each friend pays $73.60 / 4 = $18.40.",
     "#### 18.40"], "$18.40", "18.40")
rec("c35", "A box measures 4 inches by 5 inches by 6 inches. How many 1-inch cubes fit inside it exactly?",
    ["The volume of the box is 4 × 5 × 6 = 120 cubic inches.",
     "Each small cube has a volume of 1 cubic inch, so 120 cubes fit."], "120", "120")
rec("c36", "A store had 250 shirts. It sold 40% of them on Monday and 30 more on Tuesday. How many shirts are left?",
    ["On Monday it sold 40% of 250 = 100 shirts.",
     "After Monday, 250 - 100 = 150 shirts remained.",
     "After Tuesday, 150 - 30 = 120 shirts are left.",
     "#### 120"], "120", "120")
rec("c37", "A student's first 3 tests average 80 and her next 2 tests average 90. What is her average over all 5 tests?",
    ["The first three tests total 3 × 80 = 240 points.",
     "The next two total 2 × 90 = 180 points.",
     "Her overall average is (240 + 180) / 5 = 420 / 5 = 84.",
     "#### 84"], "84", "84")
rec("c38", "What is the slope of the line through the points $(2, 3)$ and $(6, 11)$?",
    ["The slope is $m = \\frac{11 - 3}{6 - 2} = \\frac{8}{4} = 2$.",
     "The answer is $\\boxed{2}$."], "2", "2")
rec("c39", "If $f(x) = 3x^2 - 2x + 1$, find $f(2)$.",
    ["Substituting $x = 2$: $f(2) = 3(2)^2 - 2(2) + 1$.",
     "This is $3 \\cdot 4 - 4 + 1 = 12 - 4 + 1 = 9$.",
     "So $f(2) = \\boxed{9}$."], "9", "9")
rec("c40", "Expand $(x + 3)(x - 5)$.",
    ["Using FOIL, $(x + 3)(x - 5) = x^2 - 5x + 3x - 15$.",
     "Combining like terms, this is $x^2 - 2x - 15$.",
     "The answer is $\\boxed{x^2 - 2x - 15}$."], "x^2 - 2x - 15", "x^2 - 2x - 15")

# --- deliberately tricky clean ones (rounding, prose numbers, times, ranges, ordinals, years) ---
rec("t01", "Three friends share a $100 dinner bill equally. How much does each pay, to the nearest cent?",
    ["The 3 friends split $100 evenly.",
     "Each pays $100 ÷ 3 ≈ $33.33.",
     "#### 33.33"], "33.33", "33.33", tricky=True)
rec("t02", "A library was built in 1995. How old was the building in 2023?",
    ["From 1995 to 2023 is 2023 - 1995 = 28 years.",
     "In 2023 the building was 28 years old."], "28", "28", tricky=True)
rec("t03", "A cookie recipe says to bake each tray for 25-30 minutes. Mike has 4 trays and can bake only one at a time. If he uses the longest time for every tray, how many minutes does the baking take?",
    ["Each tray bakes for 25-30 minutes, so the longest time is 30 minutes per tray.",
     "Four trays take 4 × 30 = 120 minutes, which is 2 hours.",
     "#### 120"], "120", "120", tricky=True)
rec("t04", "A movie starts at 3:30 pm and lasts 2 hours and 15 minutes. At what time does it end?",
    ["Starting at 3:30 pm, 2 hours later it is 5:30 pm.",
     "Another 15 minutes brings us to 5:45 pm.",
     "The movie ends at 5:45 pm."], "5:45 pm", "5:45 pm", tricky=True)
rec("t05", "In a race, Ana finished 2nd and Ben finished 5 places behind her. In what place did Ben finish?",
    ["Ana finished in 2nd place.",
     "Ben was 5 places behind her, so his place is 2 + 5 = 7.",
     "Ben finished 7th."], "7", "7", tricky=True)
rec("t06", "A circular pond has a radius of 3 m. Using 3.14 for $\\pi$, what is its area?",
    ["Using π ≈ 3.14, the area is 3.14 × 3^2 = 3.14 × 9 = 28.26 square meters.",
     "#### 28.26"], "28.26", "28.26", tricky=True)
rec("t07", "Leo drives 100 km in 3 hours. What is his average speed, to one decimal place?",
    ["His average speed is 100 / 3 km/h.",
     "That is about 33.3 km/h."], "33.3", "33.3", tricky=True)
rec("t08", "Jake has 3 friends coming over at 6 pm. He orders 2 pizzas with 8 slices each. If Jake and his friends share the slices equally, how many slices does each person get?",
    ["Counting Jake, there are 3 friends plus Jake, so 4 people.",
     "The 2 pizzas have 2 × 8 = 16 slices.",
     "Each person gets 16 / 4 = 4 slices.",
     "#### 4"], "4", "4", tricky=True)
rec("t09", "On the 1st of the month a baker makes 5 dozen muffins and sells 75% of them. How many muffins are left?",
    ["Since 1 dozen = 12 muffins, 5 dozen is 5 × 12 = 60 muffins.",
     "She sells 75% of them, which is 0.75 × 60 = 45 muffins.",
     "She has 60 - 45 = 15 muffins left.",
     "#### 15"], "15", "15", tricky=True)
rec("t10", "45 students are going on a field trip. Each van holds 8 students. How many vans are needed?",
    ["Dividing, 45 / 8 = 5.625, so 5 vans are not enough.",
     "They must round up to 6 vans.",
     "#### 6"], "6", "6", tricky=True)
rec("t11", "A team won 17 of its 24 games. What percent of its games did it win, to the nearest percent?",
    ["The fraction of games won is 17 / 24 ≈ 0.708.",
     "That is about 71%.",
     "#### 71"], "71\\%", "71", tricky=True)
rec("t12", "A bakery is open from 9 am to 5 pm and serves 12 customers per hour. How many customers does it serve in a day?",
    ["From 9 am to 5 pm is 8 hours.",
     "It serves 12 × 8 = 96 customers.",
     "#### 96"], "96", "96", tricky=True)

# ----------------------------------------------------------------------------------------------
# One injected error each: arithmetic-error
# ----------------------------------------------------------------------------------------------
AE = "arithmetic-error"
rec("a01", "Rosa's hens lay 18 eggs per day. She uses 4 for breakfast and 5 for baking, and sells the rest for $3 each. How much does she make per day?",
    ["She uses 4 + 5 = 9 eggs each day.",
     "She sells 18 - 9 = 8 eggs.",
     "She makes 8 × $3 = $24 per day.",
     "#### 24"], "24", "27", (1, AE))
rec("a02", "A warehouse has 23 boxes with 17 books in each. It donates 50 books. How many books remain?",
    ["The warehouse has 17 × 23 = 381 books.",
     "After donating 50, it has 381 - 50 = 331 books.",
     "#### 331"], "331", "341", (0, AE))
rec("a03", "A coat priced at $120 is discounted 30%, and then 5% sales tax is added. What is the final cost?",
    ["The discount is 30% of $120 = $36.",
     "The sale price is $120 - $36 = $94.",
     "The tax is 5% of $94 = $4.70.",
     "The final cost is $94 + $4.70 = $98.70."], "$98.70", "88.20", (1, AE))
rec("a04", "Ivan's quiz scores are 78, 85, 91, and 88. What is his average?",
    ["The total is 78 + 85 + 91 + 88 = 332.",
     "The average is 332 / 4 = 83.",
     "#### 83"], "83", "85.5", (0, AE))
rec("a05", "A yard is 14 m long and 9 m wide. Sod costs $2.50 per square meter. How much does it cost to cover the yard?",
    ["The area of the yard is 14 × 9 = 116 square meters.",
     "The sod costs 116 × $2.50 = $290.",
     "#### 290"], "290", "315", (0, AE))
rec("a06", "Three times a number, minus 7, is 20. What is the number?",
    ["Let $x$ be the number, so $3x - 7 = 20$.",
     "Adding 7 to both sides gives $3x = 27$.",
     "Dividing by 3, $x = 8$.",
     "The number is $\\boxed{8}$."], "8", "9", (2, AE))
rec("a07", "Tom ran $\\frac{2}{3}$ of a mile on Monday and $\\frac{3}{4}$ of a mile on Tuesday. How far did he run in total?",
    ["We add $\\frac{2}{3} + \\frac{3}{4} = \\frac{8}{12} + \\frac{9}{12} = \\frac{15}{12}$.",
     "Simplifying, $\\frac{15}{12} = \\frac{5}{4}$ miles.",
     "He ran $\\boxed{\\frac{5}{4}}$ miles."], "\\frac{5}{4}", "\\frac{17}{12}", (0, AE))
rec("a08", "A printer prints 45 pages per minute. How many pages can it print in 2 hours?",
    ["Two hours is 2 × 60 = 120 minutes.",
     "In 120 minutes it prints 45 × 120 = 5,600 pages.",
     "#### 5600"], "5600", "5400", (1, AE))
rec("a09", "The Lees bought a house for $245,000 and sold it for $312,500. They paid $18,750 in fees. What was their profit after fees?",
    ["The gain on the sale is $312,500 - $245,000 = $57,500.",
     "After fees, the profit is $57,500 - $18,750 = $38,750.",
     "#### 38750"], "$38,750", "48750", (0, AE))
rec("a10", "A town of 8,400 people grows by 15%. What is the new population?",
    ["The increase is 15% of 8,400 = 1,160 people.",
     "The new population is 8,400 + 1,160 = 9,560.",
     "#### 9560"], "9560", "9660", (0, AE))
rec("a11", "Dev drives for 3.5 hours at 62 mph and then for 2 hours at 55 mph. How far does he drive?",
    ["The first part of the trip is 3.5 × 62 = 217 miles.",
     "The second part is 2 × 55 = 110 miles.",
     "The total distance is 217 + 110 = 317 miles.",
     "#### 317"], "317", "327", (2, AE))
rec("a12", "A right triangle has legs of length 9 and 12. How long is the hypotenuse?",
    ["By the Pythagorean theorem, $c^2 = 9^2 + 12^2 = 81 + 144 = 215$.",
     "So $c = \\sqrt{215}$.",
     "The hypotenuse is $\\sqrt{215}$."], "\\sqrt{215}", "15", (0, AE))
rec("a13", "If $f(x) = 2x^2 + 3x - 4$, what is $f(3)$?",
    ["First, $2(3)^2 = 18$ and $3(3) = 9$.",
     "So $f(3) = 18 + 9 - 4 = 25$.",
     "The answer is $\\boxed{25}$."], "25", "23", (1, AE))
rec("a14", "Carla earns $16.50 per hour and worked 38 hours this week. Her employer deducts $45 for a uniform. What is her take-home pay?",
    ["Her gross pay is $16.50 × 38 = $617.",
     "After the $45 deduction she takes home $617 - $45 = $572.",
     "#### 572"], "572", "582", (0, AE))

# ----------------------------------------------------------------------------------------------
# invalid-transformation
# ----------------------------------------------------------------------------------------------
IT = "invalid-transformation"
rec("i01", "Solve $2x + 5 = 17$.",
    ["We start from $2x + 5 = 17$.",
     "Moving the 5 to the right side gives $2x = 22$.",
     "Dividing by 2, $x = 11$.",
     "So $x = \\boxed{11}$."], "11", "6", (1, IT))
rec("i02", "Solve $3(x - 4) = 21$.",
    ["Distributing the 3, we get $3x - 4 = 21$.",
     "Adding 4 to both sides, $3x = 25$.",
     "So $x = \\frac{25}{3}$."], "\\frac{25}{3}", "11", (0, IT))
rec("i03", "A number divided by 4, minus 3, equals 5. What is the number?",
    ["Let $x$ be the number, so $\\frac{x}{4} - 3 = 5$.",
     "Multiplying both sides by 4 gives $x - 3 = 20$.",
     "Adding 3, $x = 23$.",
     "The number is 23."], "23", "32", (1, IT))
rec("i04", "Expand and simplify $(x + 4)^2 - 2x$.",
    ["First, $(x + 4)^2 = x^2 + 16$.",
     "Then $(x + 4)^2 - 2x = x^2 - 2x + 16$.",
     "The answer is $\\boxed{x^2 - 2x + 16}$."], "x^2 - 2x + 16", "x^2 + 6x + 16", (0, IT))
rec("i05", "Solve $5x - 3 = 2x + 12$.",
    ["Moving $2x$ to the left side, $7x - 3 = 12$.",
     "Adding 3 to both sides, $7x = 15$.",
     "So $x = \\frac{15}{7}$."], "\\frac{15}{7}", "5", (0, IT))
rec("i06", "Amy's brother is 6 years older than she is. The sum of their ages is 34. How old is Amy?",
    ["Let $a$ be Amy's age, so her brother is $a + 6$.",
     "The sum of their ages gives $a + (a + 6) = 34$, that is $2a + 6 = 34$.",
     "Moving the 6 to the other side, we get $2a = 40$.",
     "So $a = 20$.",
     "Amy is 20 years old."], "20", "14", (2, IT))
rec("i07", "Three fifths of a number is 24. What is the number?",
    ["Let $n$ be the number, so $\\frac{3}{5}n = 24$.",
     "To isolate $n$, $n = 24 \\cdot \\frac{3}{5}$.",
     "So $n = 14.4$.",
     "#### 14.4"], "14.4", "40", (1, IT))
rec("i08", "Solve $x^2 + 5x + 6 = 0$.",
    ["We factor the quadratic: $x^2 + 5x + 6 = (x + 1)(x + 6)$.",
     "Setting each factor equal to zero, $x = -1$ or $x = -6$.",
     "The solutions are $x = -1$ and $x = -6$."], "-1, -6", "-2, -3", (0, IT))
rec("i09", "Solve $10 - (x - 4) = 3x$.",
    ["Removing the parentheses, $10 - x - 4 = 3x$.",
     "Simplifying the left side, $6 - x = 3x$, so $6 = 4x$.",
     "Therefore $x = 1.5$."], "1.5", "3.5", (0, IT))
rec("i10", "On a map, 8 cm represents 12 km. How many centimeters represent 6 km?",
    ["Let $x$ be the distance in centimeters. Setting up the proportion, $\\frac{x}{6} = \\frac{8}{12}$.",
     "Cross-multiplying gives $8x = 72$.",
     "So $x = 9$ cm.",
     "#### 9"], "9", "4", (1, IT))
rec("i11", "After a 20% discount, a shirt costs $36. What was its original price?",
    ["Let $p$ be the original price. After the discount the shirt costs 80% of $p$, so $0.8p = 36$.",
     "Solving for $p$, $p = 36 \\times 0.8$.",
     "So $p = 28.8$, and the original price was $28.80."], "$28.80", "45", (1, IT))
rec("i12", "Solve $4x + 3 - 2x + 5 = 20$.",
    ["Combining like terms on the left, $2x - 2 = 20$.",
     "Adding 2 to both sides, $2x = 22$.",
     "So $x = 11$."], "11", "6", (0, IT))
rec("i13", "If $x + y = 10$ and $2x + y = 16$, what is $x$?",
    ["From the first equation, $y = 10 - x$.",
     "Substituting into the second equation, $2x + 10 + x = 16$.",
     "So $3x = 6$ and $x = 2$.",
     "The answer is $\\boxed{2}$."], "2", "6", (1, IT))
rec("i14", "Solve $4(x + 2) = 36$.",
    ["Subtracting 4 from both sides gives $x + 2 = 32$.",
     "Subtracting 2, $x = 30$.",
     "So $x = \\boxed{30}$."], "30", "7", (0, IT))

# ----------------------------------------------------------------------------------------------
# undefined-variable
# ----------------------------------------------------------------------------------------------
UV = "undefined-variable"
rec("u01", "A rectangle's length is twice its width, and its perimeter is 36 m. What is its area?",
    ["Let $w$ be the width, so the length is $2w$.",
     "The perimeter gives $2(w + 2w) = 36$, so $6w = 36$ and $w = 6$.",
     "The area is $l \\cdot w = 6 \\cdot 6 = 36$ square meters.",
     "#### 36"], "36", "72", (2, UV))
rec("u02", "A pencil costs $0.40 and a pen costs 3 times as much. How much do 5 pens and 2 pencils cost?",
    ["A pen costs 3 × $0.40 = $1.20.",
     "Five pens cost $5p$ with $p = 1.50$, so $5p = 7.50$ dollars.",
     "Two pencils cost 2 × $0.40 = $0.80.",
     "The total is $7.50 + $0.80 = $8.30.",
     "#### 8.30"], "$8.30", "6.80", (1, UV))
rec("u03", "A train covers 180 miles in 3 hours. At the same speed, how long does it take to cover 300 miles?",
    ["The train's speed is 180 / 3 = 60 miles per hour.",
     "The time needed is $t = \\frac{300}{v}$ with $v = 50$, so $t = 6$ hours.",
     "#### 6"], "6", "5", (1, UV))
rec("u04", "A square garden has an area of 64 m². Fencing costs $5 per meter. How much does it cost to fence the garden?",
    ["The side of the garden is $\\sqrt{64} = 8$ m.",
     "The perimeter is $4s = 4 \\times 10 = 40$ m.",
     "The fence costs 40 × $5 = $200.",
     "#### 200"], "200", "160", (1, UV))
rec("u05", "Mia's first three test scores are 82, 90, and 85. What must she score on the fourth test to average 88?",
    ["To average 88 over 4 tests she needs 4 × 88 = 352 points.",
     "So far she has 82 + 90 + 85 = 257 points.",
     "She needs $T - 257$ points, and with $T = 350$ that is $350 - 257 = 93$.",
     "#### 93"], "93", "95", (2, UV))
rec("u06", "Pipe A fills a tank in 6 hours and pipe B fills it in 3 hours. How long do they take together?",
    ["Pipe A fills $\\frac{1}{6}$ of the tank per hour and pipe B fills $\\frac{1}{3}$.",
     "Together they fill $\\frac{1}{6} + \\frac{1}{3} = \\frac{1}{2}$ of the tank per hour.",
     "The time is $t = \\frac{1}{r}$ with $r = \\frac{1}{4}$, so $t = 4$ hours.",
     "#### 4"], "4", "2", (2, UV))
rec("u07", "Headphones cost $60 before a 7% sales tax. What is the total price?",
    ["The tax is 7% of $60 = $4.20.",
     "The total is $60 + $4.20 + s = $64.20 + $3 = $67.20, where the shipping is included.",
     "#### 67.20"], "$67.20", "64.20", (1, UV))
rec("u08", "Given $a = 3$ and $b = 5$, compute $a^2 + b^2 - ab$.",
    ["We have $a^2 = 9$ and $b^2 = 25$.",
     "The product term is $ac = 3 \\cdot 4 = 12$.",
     "So $a^2 + b^2 - ab = 9 + 25 - 12 = 22$.",
     "The answer is $\\boxed{22}$."], "22", "19", (1, UV))
rec("u09", "Car A leaves town at 40 mph. Two hours later, car B leaves the same place at 60 mph along the same road. How many hours after car B leaves does it catch up with car A?",
    ["Car A's head start is 40 × 2 = 80 miles.",
     "Car B gains on car A at 60 - 40 = 20 miles per hour.",
     "The catch-up time is $\\frac{80}{g} = \\frac{80}{16} = 5$ hours.",
     "#### 5"], "5", "4", (2, UV))
rec("u10", "A store buys a lamp for $40 and marks it up by 35%. What is the selling price?",
    ["The markup is 35% of $40 = $14.",
     "The selling price is $P = C + 14 = 44 + 14 = 58$ dollars.",
     "#### 58"], "58", "54", (1, UV))
rec("u11", "A recipe uses 2 cups of sugar for every 5 cups of flour. How much sugar goes with 15 cups of flour?",
    ["15 cups of flour is 15 / 5 = 3 times the recipe.",
     "The sugar needed is $3q = 3 \\times 3 = 9$ cups.",
     "#### 9"], "9", "6", (1, UV))
rec("u12", "Ali invests $5,000 at 4% simple interest per year. How much does he have after 6 years?",
    ["The yearly interest is 4% of $5,000 = $200.",
     "Over the term the interest is $200n = 200 \\times 5 = 1,000$ dollars.",
     "He then has $5,000 + $1,000 = $6,000.",
     "#### 6000"], "6000", "6200", (1, UV))

# ----------------------------------------------------------------------------------------------
# inconsistent-step
# ----------------------------------------------------------------------------------------------
IS = "inconsistent-step"
rec("n01", "Three times a number plus 4 is 25. What is twice the number plus 1?",
    ["Let $x$ be the number, so $3x + 4 = 25$.",
     "Then $3x = 21$ and $x = 7$.",
     "With $x = 9$, twice the number plus 1 is $2(9) + 1 = 19$.",
     "#### 19"], "19", "15", (2, IS))
rec("n02", "Ann picks 12 apples. She gives 5 to Bob and then picks 7 more. How many apples does she have?",
    ["After giving 5 to Bob, Ann has 12 - 5 = 7 apples.",
     "Picking 7 more, she has 9 + 7 = 16 apples.",
     "#### 16"], "16", "14", (1, IS))
rec("n03", "A rectangle has width 5 cm and its length is three times its width. What is its area?",
    ["The width is $w = 5$ cm and the length is $3w = 15$ cm.",
     "The area is length times width, $15 \\times 6 = 90$ square centimeters.",
     "#### 90"], "90", "75", (1, IS))
rec("n04", "If $x + y = 20$ and $x - y = 6$, what is $xy$?",
    ["Adding the equations, $2x = 26$, so $x = 13$.",
     "Then $y = 20 - 13 = 7$.",
     "So $xy = 13 \\times 8 = 104$.",
     "The answer is $\\boxed{104}$."], "104", "91", (2, IS))
rec("n05", "Tom had $50. He spent $18 on a book and $12 on lunch. How much does he have left?",
    ["After buying the book, he has $50 - $18 = $32.",
     "After lunch, he has $34 - $12 = $22.",
     "#### 22"], "22", "20", (1, IS))
rec("n06", "A bus travels 240 miles in 4 hours. At the same speed, how far does it travel in 5 hours?",
    ["The bus's speed is 240 / 4 = 60 miles per hour.",
     "At 65 miles per hour, in 5 hours it travels 65 × 5 = 325 miles.",
     "#### 325"], "325", "300", (1, IS))
rec("n07", "If $5x - 3 = 2x + 9$, what is the value of $5x - 3$?",
    ["Subtracting $2x$ from both sides, $3x - 3 = 9$, so $3x = 12$.",
     "Then $x = 4$.",
     "So $5x - 3 = 5(5) - 3 = 22$.",
     "The answer is $\\boxed{22}$."], "22", "17", (2, IS))
rec("n08", "A class of 30 students is 40% boys. How many girls are in the class?",
    ["The number of boys is 40% of 30 = 12.",
     "The number of girls is 30 - 14 = 16.",
     "#### 16"], "16", "18", (1, IS))
rec("n09", "Ann is 5 years older than Bob, and the sum of their ages is 39. How old is Bob?",
    ["Let $a$ be Ann's age, so Bob is $a - 5$.",
     "Then $a + (a - 5) = 39$, so $2a = 44$ and $a = 22$.",
     "Bob is $a - 5 = 24 - 5 = 19$ years old.",
     "#### 19"], "19", "17", (2, IS))
rec("n10", "Paul buys 6 shirts at $15 each and 4 pairs of pants at $25 each. What is the total cost?",
    ["The shirts cost 6 × $15 = $90.",
     "The pants cost 4 × $25 = $100.",
     "Together that is $90 + $110 = $200.",
     "#### 200"], "200", "190", (2, IS))
rec("n11", "A triangle has a base of 12 cm, and its height is $\\frac{2}{3}$ of the base. What is its area?",
    ["The height is $\\frac{2}{3} \\times 12 = 8$ cm.",
     "The area is $\\frac{1}{2} \\times 12 \\times 9 = 54$ square centimeters.",
     "#### 54"], "54", "48", (1, IS))
rec("n12", "The roots of $x^2 - 7x + 12 = 0$ are $r$ and $s$. Find $r^2 + s^2$.",
    ["Factoring, $x^2 - 7x + 12 = (x - 3)(x - 4)$.",
     "So the roots are $x = 3$ and $x = 4$.",
     "Then $r^2 + s^2 = 3^2 + 5^2 = 9 + 25 = 34$.",
     "The answer is $\\boxed{34}$."], "34", "25", (2, IS))
rec("n13", "A 120-liter tank is $\\frac{3}{4}$ full. It drains at 8 liters per minute. How long does it take to empty?",
    ["The tank holds $\\frac{3}{4} \\times 120 = 90$ liters.",
     "Draining 96 liters at 8 liters per minute takes 96 / 8 = 12 minutes.",
     "#### 12"], "12", "11.25", (1, IS))


# ----------------------------------------------------------------------------------------------
# Self-check: exact arithmetic on every purely numeric "a op b = c" chain found in a step
# ----------------------------------------------------------------------------------------------
def normalise(s):
    s = s.replace("$", " ")
    s = re.sub(r"(\d)\\frac\{([^{}]*)\}\{([^{}]*)\}", r"(\1+(\2)/(\3))", s)  # mixed numbers
    s = re.sub(r"\\frac\{([^{}]*)\}\{([^{}]*)\}", r"((\1)/(\2))", s)
    s = re.sub(r"\\sqrt\{([^{}]*)\}", r"((\1)**(1/2))", s)
    for a, b in [("\\times", "*"), ("\\cdot", "*"), ("\\div", "/"), ("×", "*"), ("÷", "/"), ("\\%", "%"),
                 ("^", "**"), ("\\left", ""), ("\\right", ""), ("≈", "~")]:
        s = s.replace(a, b)
    while re.search(r"(\d),(\d{3})", s):
        s = re.sub(r"(\d),(\d{3})", r"\1\2", s)
    s = re.sub(r"(\d)\s*\(", r"\1*(", s)  # 3(2) -> 3*(2)
    s = re.sub(r"\)\s*\(", r")*(", s)
    return s


def ev(node):
    if isinstance(node, ast.Expression):
        return ev(node.body)
    if isinstance(node, ast.Constant):
        return Fraction(str(node.value))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -ev(node.operand)
    if isinstance(node, ast.BinOp):
        a, b = ev(node.left), ev(node.right)
        if isinstance(node.op, ast.Add):
            return a + b
        if isinstance(node.op, ast.Sub):
            return a - b
        if isinstance(node.op, ast.Mult):
            return a * b
        if isinstance(node.op, ast.Div):
            return a / b
        if isinstance(node.op, ast.Pow):
            if b == Fraction(1, 2):
                r = Fraction(round(float(a) ** 0.5))
                if r * r != a:
                    raise ValueError("irrational")
                return r
            return a ** int(b)
    raise ValueError("unsupported")


NUMEXPR = r"[0-9.()+\-*/ %]+"


def claims(step):
    """Yield (text, lhs_value, rhs_value, approx) for numeric chains like '3 * 4 = 12 = 12'."""
    s = normalise(step)
    # "p% of q" -> (p/100*q)
    s = re.sub(r"(\d+(?:\.\d+)?)%\s*of\s*(\d+(?:\.\d+)?)", r"(\1/100*\2)", s)
    for m in re.finditer(r"(?:%s)(?:(?:=|~)(?:%s))+" % (NUMEXPR, NUMEXPR), s):
        body = m.group(0).strip()
        raw = m.group(0)
        end = m.start() + len(raw.rstrip())
        after = s[end:end + 1]
        if body[:1] in "+*/=" or body[:1] == "-" and s[: m.start()].rstrip()[-1:].isalpha() \
                or body[-1:].isdigit() and after.isalpha():
            continue  # part of an equation with a variable (3s + 12 = 2s + 24, 2 = 0.1x)
        parts = re.split(r"(=|~)", m.group(0))
        vals = []
        for p in parts[::2]:
            p = p.strip().rstrip("%").strip()
            p = re.sub(r"^[^0-9(\-]+", "", p)
            try:
                vals.append(ev(ast.parse(p, mode="eval")))
            except Exception:
                vals.append(None)
        ops = parts[1::2]
        for i, op in enumerate(ops):
            a, b = vals[i], vals[i + 1]
            if a is None or b is None:
                continue
            yield m.group(0).strip(), a, b, op == "~"


def check_clean():
    bad = 0
    n = 0
    for r in RECORDS:
        if r["_label"]["label"] != "correct":
            continue
        for i, st in enumerate(r["steps"]):
            for text, a, b, approx in claims(st):
                n += 1
                if os.environ.get("SHOW"):
                    print(f"  {r['id']}[{i}] {text!r}: {a} vs {b}", file=sys.stderr)
                ok = a == b
                if not ok and (approx or "about" in st):
                    # correctly rounded to the decimals written
                    dec = len(str(b).split(".")[1]) if "." in str(float(b)) else 0
                    ok = abs(float(a) - float(b)) <= 0.5 * 10 ** (-max(dec, 0)) + 1e-12 or \
                        abs(float(a) - float(b)) < 0.006
                if not ok:
                    bad += 1
                    print(f"CLEAN CLAIM FAILS {r['id']} step {i}: {text!r}: {a} vs {b}", file=sys.stderr)
    return n, bad


def check_errors():
    """The labelled error step must be the first step with a failing numeric claim (when the
    error is arithmetic), and no earlier step may fail."""
    for r in RECORDS:
        lab = r["_label"]
        if lab["label"] == "correct":
            continue
        for i, st in enumerate(r["steps"][: lab["first_error_step"]]):
            for text, a, b, approx in claims(st):
                if a != b:
                    print(f"ERROR RECORD {r['id']}: step {i} before the labelled one fails: {text!r}", file=sys.stderr)
        if lab["label"] == "arithmetic-error":
            fails = [t for t, a, b, _ in claims(r["steps"][lab["first_error_step"]]) if a != b]
            if not fails and r["id"] != "a06":  # a06: wrong solve value, 3x = 27 so x = 8
                print(f"NOTE {r['id']}: arithmetic error not seen by the self-check", file=sys.stderr)
        assert r["final_answer"].strip("$\\boxed{} ") != r["reference_answer"], r["id"]


def main():
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids))
    n, bad = check_clean()
    check_errors()
    if bad:
        sys.exit(f"{bad} clean claims fail")
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "math", "heldout.jsonl")
    with open(out, "w") as f:
        for r in RECORDS:
            out_r = {k: v for k, v in r.items() if k != "_tricky"}
            f.write(json.dumps(out_r, ensure_ascii=False) + "\n")
    counts = {}
    for r in RECORDS:
        counts[r["_label"]["label"]] = counts.get(r["_label"]["label"], 0) + 1
    print(f"wrote {len(RECORDS)} records to fixtures/math/heldout.jsonl; {counts}; "
          f"tricky clean {sum(r['_tricky'] for r in RECORDS)}; {n} clean numeric claims checked")


if __name__ == "__main__":
    main()
