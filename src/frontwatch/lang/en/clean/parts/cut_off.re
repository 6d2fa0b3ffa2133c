# A report's own data cut-off: "The cut-off for this assessment was 2 p.m. ET".
cut-?off (time |date |point )?(for|of) (this|today['’]s|our) ([\w-]+ ){0,2}{own_product}
